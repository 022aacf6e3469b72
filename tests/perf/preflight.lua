-- wrk script: a CORS preflight as Chromium sends it for a JSON POST.
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "http://127.0.0.1:9000"
wrk.headers["Access-Control-Request-Method"] = "POST"
wrk.headers["Access-Control-Request-Headers"] = "content-type"
