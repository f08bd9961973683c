#!/usr/bin/env python3
"""`trellis serve` under concurrent requests (issue 17), run by `./setup.sh sanitize`
against a ThreadSanitizer build: people sign in at once, then threads fetch
every kind of page and send every kind of form together, on the demo database.
Fails on any wrong answer, on the server dying, and on any ThreadSanitizer
report in its log (TSAN_OPTIONS=halt_on_error=1:exitcode=66 stops it at the first).

Usage: serve_concurrent.py TRELLIS SOURCE_DIR [LOG]   (LOG: where the server's stderr goes)
Prints "N passed, N failed"; exits 1 when any check failed.
"""
import os, re, shutil, subprocess, sys, tempfile, threading, urllib.error, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

trellis, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp(prefix="trellis-concurrent-")
log_path = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else os.path.join(work, "serve.log")
db = os.path.join(work, "trellis.db")
env = dict(os.environ, TRELLIS_DB=db, TRELLIS_USER="demo-admin", TRELLIS_NOW="2020-07-20T09:00:00Z")
PASSWORD = "correct horse battery"
passes, fails = 0, 0
lock = threading.Lock()


def check(ok, what):
    global passes, fails
    with lock:
        if ok:
            passes += 1
        else:
            fails += 1
            print("FAIL:", what)


def run(*args, stdin=None):
    p = subprocess.run([trellis, *args], env=env, cwd=work, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"trellis {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


run("demo", "--db", db, "--examples", os.path.join(src, "examples"))
people = ["demo-admin", "ft.aip", "ft.head.140597"]
for person in people:
    run("person", "password", person, stdin=PASSWORD + "\n")


class Browser:
    """One person's cookie jar; `token` is the CSRF token of the last page read."""

    def __init__(self, base):
        self.base, self.token = base, ""
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(), NoRedirect())

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=body), timeout=300) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if m := re.search(r'name="csrf" value="([0-9a-f]+)"', text):
            self.token = m.group(1)
        return status, text

    def post(self, path, data):
        return self.request(path, dict(data, csrf=self.token))

    def sign_in(self, person):
        self.request("/signin")
        return self.post("/signin", {"person": person, "password": PASSWORD})[0]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a form's 303 is its answer


log = open(log_path, "w")
server = subprocess.Popen([trellis, "serve", "--port", "0"], env=env, cwd=work, stdout=subprocess.PIPE,
                          stderr=log, text=True)
try:
    line = server.stdout.readline()
    port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
    base = f"http://127.0.0.1:{port}"

    # Everyone signs in at once (password hashes, sessions, the sign-in limit, the audit log).
    browsers = {p: Browser(base) for p in people}
    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        codes = list(pool.map(lambda p: browsers[p].sign_in(p), people))
    check(codes == [303] * len(people), f"three people sign in at once: {codes}")
    admin, officer, head = (browsers[p] for p in people)

    # The open activities the officer may mark done, from the school's page.
    status, page = officer.request("/school/140597?body=focus-trust&period=2019-20/summer")
    open_activities = sorted(set(re.findall(r'action="/activity/(\d+)/done"', page)), key=int)
    check(status == 200 and len(open_activities) >= 2, f"the officer's school page offers activities to mark done: {open_activities}")
    head.request("/school/140597")

    # (browser, method, path, form, the answers that are right)
    work_items = []
    for _ in range(3):
        work_items += [
            (admin, "GET", "/", None, {200}),
            (admin, "GET", "/body/focus-trust?period=2019-20/summer", None, {200}),
            (admin, "GET", "/body/nexus", None, {200}),
            (admin, "GET", "/compare/merged", None, {200}),
            (admin, "GET", "/calendar/telford?year=2018-19&show=overdue", None, {200}),
            (officer, "GET", "/calendar/focus-trust?year=2019-20", None, {200}),
            (officer, "GET", "/calendar/focus-trust.ics?year=2019-20&school=140597", None, {200}),
            (officer, "GET", "/school/140597?body=focus-trust&period=2019-20/summer", None, {200}),
            (head, "GET", "/school/140597", None, {200}),
            (head, "GET", "/school/141401", None, {403}),
            (head, "GET", "/compare/focus-trust?school=140597", None, {200}),
            (head, "GET", "/style.css", None, {200}),
            (head, "POST", "/school/140597/review", {"body": "focus-trust", "period": "2019-20/summer",
                                                      "reason": "SYNTHETIC: the attendance figure is out of date"}, {303, 400}),
            (head, "POST", "/note/4/respond", {"answer": "accurate", "comment": ""}, {303, 400}),
            (officer, "POST", "/school/140597/rate", {"body": "focus-trust", "period": "2019-20/summer",
                                                      "subject": "overall", "level": "purple", "stage": "final"}, {400}),
            (officer, "POST", "/school/140597/rate", {"body": "focus-trust", "period": "2019-20/summer",
                                                      "subject": "overall", "level": "amber", "stage": "final"}, {303, 400}),
            (officer, "POST", "/signout", {"csrf": "0" * 64}, {403}),
        ]
    for a in open_activities[:4]:
        work_items.append((officer, "POST", f"/activity/{a}/done", {"on": "2020-07-20", "note": "SYNTHETIC"}, {303, 400}))

    def send(item):
        who, method, path, form, right = item
        try:
            if method == "GET":
                return who.request(path)[0]
            if "csrf" in form:  # a forged token, sent as is
                return who.request(path, form)[0]
            return who.post(path, form)[0]
        except OSError as e:  # e.g. the server stopped by ThreadSanitizer mid-answer
            return repr(e)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(send, work_items))
    wrong = [(i[1], i[2], a) for i, a in zip(work_items, answers) if a not in i[4]]
    check(not wrong, f"{len(work_items)} concurrent pages and forms answered as they should: wrong {wrong}")
    check(server.poll() is None, f"the server is still running (exit {server.poll()}; 66: a ThreadSanitizer report)")
    status, page = officer.request("/calendar/focus-trust?year=2019-20")
    marked = [a for a in open_activities[:4] if re.search(rf"<td>{a}</td>(<td>[^<]*</td>){{5}}<td>done</td>", page)]
    check(marked == open_activities[:4], f"every activity marked done at once is done: {marked} of {open_activities[:4]}")
finally:
    server.terminate()
    server.wait(timeout=60)
    log.close()

reports = open(log_path, encoding="utf-8", errors="replace").read()
check("ThreadSanitizer" not in reports, "no ThreadSanitizer report in the server's log:\n" + reports[:20000])
shutil.rmtree(work, ignore_errors=True)
print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
