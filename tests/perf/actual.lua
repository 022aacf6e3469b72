-- wrk script: a cross-origin GET from the allowed origin.
wrk.method = "GET"
wrk.headers["Origin"] = "http://127.0.0.1:9000"
