#!/usr/bin/env python3
"""The web dashboard in a real browser (issue 17): chromium headless, driven by
selenium, against `trellis serve` on 127.0.0.1 and a copy of the demo's database.

Usage: dashboard.py TRELLIS SOURCE_DIR OUT_DIR DEMO_DIR   (screenshots go to OUT_DIR;
DEMO_DIR is the demo_db fixture's folder, made by tests/cli/demo_fixture.sh)
Prints "N passed, N failed"; exits 1 when any check failed.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

trellis, src, out, demo_dir = (os.path.abspath(a) for a in sys.argv[1:5])  # demo_dir: the demo_db fixture
os.makedirs(out, exist_ok=True)
work = tempfile.mkdtemp(prefix="trellis-web-")
db = os.path.join(work, "trellis.db")
env = dict(os.environ, TRELLIS_DB=db, TRELLIS_USER="demo-admin", TRELLIS_NOW="2020-07-20T09:00:00Z")
passes, fails = 0, 0


def check(ok, what):
    global passes, fails
    if ok:
        passes += 1
    else:
        fails += 1
        print("FAIL:", what)


def wait_for(condition, seconds=10):
    """Polls until `condition()` is true (a click's page load may finish after it returns)."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            if condition():
                return True
        except Exception:
            pass
        time.sleep(0.1)
    return False


def run(*args, stdin=None, ok=True):
    p = subprocess.run([trellis, *args], env=env, cwd=work, input=stdin, capture_output=True, text=True)
    if ok and p.returncode != 0:
        raise SystemExit(f"trellis {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p


# The demo's database, a board member of Nexus, passwords, and a school whose name is a script.
shutil.copyfile(os.path.join(demo_dir, "trellis.db"), db)  # tests/cli/demo_fixture.sh made it
run("person", "add", "nexus.head.141589", "--name", "Headteacher, Flanderwell (SYNTHETIC)", "--role", "head",
    "--body", "nexus", "--school", "141589")
run("person", "add", "nexus.director", "--name", "D. Example, Director (SYNTHETIC)", "--role", "board", "--body", "nexus")
PASSWORD = "correct horse battery"
for person in ["demo-admin", "ft.aip", "ft.head.140597", "nexus.director", "nexus.head.141589"]:
    run("person", "password", person, stdin=PASSWORD + "\n")
check(run("person", "password", "ft.aip", stdin="short\n", ok=False).returncode == 2, "a short password is refused (exit 2)")
spine = open(os.path.join(src, "tests/data/spine_small.csv"), encoding="utf-8").read().splitlines()
header, row = spine[0], spine[1].split(",")
row[0], row[4] = "999901", "<script>alert(1)</script> Academy"
with open(os.path.join(work, "evil.csv"), "w", encoding="utf-8") as f:
    f.write(header + "\n" + ",".join(row) + "\n")
formula = "=HYPERLINK(\"http://example.com\",\"x\")"
row2 = list(row)
row2[0], row2[4] = "999902", '"' + formula.replace('"', '""') + '"'
with open(os.path.join(work, "evil.csv"), "w", encoding="utf-8") as f:
    f.write(header + "\n" + ",".join(row) + "\n" + ",".join(row2) + "\n")
run("import", "schools", os.path.join(work, "evil.csv"))
run("body", "join", "focus-trust", "999901", "999902", "--from", "2019-09-01")
run("assess", "--body", "focus-trust", "--period", "2019-20/summer", "--on", "2020-07-20")

# The board pack as a workbook, read back cell by cell.
import openpyxl
book = os.path.join(work, "pack.xlsx")
run("report", "--body", "focus-trust", "--period", "2019-20/summer", "--format", "xlsx", "-o", book)
report = json.loads(run("report", "--body", "focus-trust", "--period", "2019-20/summer", "--format", "json").stdout)
labels = {c["level"]: c["label"] for c in report["counts"]}
wb = openpyxl.load_workbook(book)
check(wb.sheetnames == ["Summary", "Schools x areas", "Reasons", "Activities", "Changes"], f"the workbook's sheets: {wb.sheetnames}")
grid = wb["Schools x areas"]
rows = {r[0].value: r for r in grid.iter_rows(min_row=2)}
check(set(rows) == {s["urn"] for s in report["schools"]}, "one row per school of the report")
check(all(rows[s["urn"]][2].value == labels.get(s["level"], s["level"]) for s in report["schools"]),
      "each school's overall level, cell by cell, as the report has it")
named = rows.get(999902)
check(named is not None and named[1].value == formula and named[1].data_type == "s",
      f"a formula-like school name is written as text: {named[1].value if named else None!r}")
check(not any(c.data_type == "f" for sheet in wb for r in sheet.iter_rows() for c in r), "no cell of the workbook is a formula")
import zipfile
check("xl/sharedStrings.xml" not in zipfile.ZipFile(book).namelist(),
      "the workbook is written a row at a time (issue 18): its texts inline, no shared strings held to the end")
werneth = rows[140597]
green = rows[137951]
check(werneth[2].value == "Amber" and green[2].value == "Green" and werneth[2].fill.fgColor.rgb not in (None, "00000000")
      and werneth[2].fill.fgColor.rgb != green[2].fill.fgColor.rgb,
      f"each level's cell is filled with its own colour: {werneth[2].fill.fgColor.rgb} {green[2].fill.fgColor.rgb}")
check(len(grid.conditional_formatting) > 0, "the levels' colours are also conditional formats")
reasons = wb["Reasons"]
check(any(r[0].value == 140597 and "RAG" in (r[3].value or "") for r in reasons.iter_rows(min_row=2)), "each school's reasons")
check(run("report", "--body", "focus-trust", "--period", "2019-20/summer", "--format", "xlsx", ok=False).returncode == 2,
      "a workbook needs -o (exit 2)")
pack = os.path.join(work, "pack.html")
run("report", "--body", "focus-trust", "--period", "2019-20/summer", "--format", "html", "-o", pack)
html = open(pack, encoding="utf-8").read()
check('id="heatmap"' in html and 'class="chart trend"' in html and "<script" not in html.replace("&lt;script", ""),
      "the HTML board pack has the heat map and trend chart, and no script")
check("@media print" in html and 'href="/' not in html, "the HTML board pack is printable and self-contained")

server = subprocess.Popen([trellis, "serve", "--port", "0"], env=env, cwd=work, stdout=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
    base = f"http://127.0.0.1:{port}"

    options = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"]:
        options.add_argument(a)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    browser.set_page_load_timeout(30)

    def sign_in(person, password=PASSWORD):
        browser.delete_all_cookies()
        browser.get(base + "/signin")
        browser.find_element(By.ID, "person").send_keys(person)
        browser.find_element(By.ID, "password").send_keys(password)
        old = browser.find_element(By.TAG_NAME, "html")
        browser.find_element(By.CSS_SELECTOR, "form[action='/signin'] button").click()
        wait_for(lambda: old.id != browser.find_element(By.TAG_NAME, "html").id)

    def full_page_screenshot(name):
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(1280, min(int(height) + 40, 6000))
        browser.save_screenshot(os.path.join(out, name))
        browser.set_window_size(1280, 1600)

    def status_of(path):
        """The HTTP status of a GET with the browser's session cookie, and the response's headers."""
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
        req = urllib.request.Request(base + path, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(req) as r:
                return r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode()

    def post(path, data):
        """A form sent with the session's cookie and its CSRF token (from the page shown): status and body."""
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', browser.page_source).group(1)
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
        body = urllib.parse.urlencode(dict(data, csrf=token)).encode()
        req = urllib.request.Request(base + path, data=body, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(req) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def audit_json():
        return json.loads(run("audit", "--format", "json").stdout)

    # Sign-in: a wrong password is refused; the right one opens a new session (the cookie changes).
    browser.get(base + "/")
    check(browser.current_url.endswith("/signin"), "a visitor is sent to the sign-in page")
    visitor_cookie = browser.get_cookie("trellis_session")
    check(visitor_cookie is not None and visitor_cookie.get("httpOnly") and visitor_cookie.get("sameSite") == "Strict",
          f"the session cookie is HttpOnly and SameSite=Strict: {visitor_cookie}")
    sign_in("demo-admin", "not the password at all")
    check(wait_for(lambda: "do not match" in browser.page_source), "a wrong password is refused with a message")
    sign_in("demo-admin")
    signed_cookie = browser.get_cookie("trellis_session")
    check(signed_cookie and visitor_cookie and signed_cookie["value"] != visitor_cookie["value"],
          "the session is rotated at sign-in")
    check("Bodies" in browser.find_element(By.TAG_NAME, "h1").text, "the admin sees the bodies after signing in")
    check([r["who"] for r in audit_json() if r["command"] == "sign in"] == ["demo-admin"],
          "the sign-in is in the audit log, the failed one is not")

    # Security headers on every page.
    status, headers, _ = status_of("/")
    csp = headers.get("Content-Security-Policy", "")
    check(status == 200 and "frame-ancestors 'none'" in csp and "script-src" not in csp and "default-src 'none'" in csp,
          f"CSP forbids every script and framing: {csp}")
    check(headers.get("X-Content-Type-Options") == "nosniff", "X-Content-Type-Options: nosniff")

    # Concurrent requests: the server serialises its kernel work (the plugin host, sandbox and calendar are not
    # thread-safe); every answer is whole and the same.
    from concurrent.futures import ThreadPoolExecutor
    paths = ["/body/nexus?period=2019-20/summer", "/school/140597", "/calendar/focus-trust?year=2019-20"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(status_of, paths))
    check(all(a[0] == 200 for a in answers), f"24 concurrent requests all answered: {[a[0] for a in answers]}")
    check(len({a[2] for a, p in zip(answers, paths) if p == paths[0]}) == 1, "concurrent answers to the same page are the same")

    # The body overview: counts, the heat map (colour and text), the trend chart.
    browser.get(base + "/body/nexus?period=2019-20/summer")
    heat = browser.find_elements(By.CSS_SELECTOR, "table#heatmap tbody tr")
    check(len(heat) == 8, f"the heat map has one row per Nexus school: {len(heat)}")
    cells = browser.find_elements(By.CSS_SELECTOR, "table#heatmap td.level")
    check(cells and all(c.text.strip() for c in cells), "every heat-map cell names its level in text")
    check(browser.find_elements(By.CSS_SELECTOR, "table#heatmap td.level svg.fill rect[fill^='#']"),
          "heat-map cells are coloured by the scale's colours")
    trend = browser.find_elements(By.CSS_SELECTOR, "svg.trend")
    check(trend and "2019-20/autumn" in trend[0].get_attribute("innerHTML") and "2019-20/summer" in trend[0].get_attribute("innerHTML"),
          "the trend chart shows each period assessed")
    # What is overdue, grouped: one row per school (and one for the body's own), each linking to the
    # school's page and to the calendar filtered to it; together they count every overdue activity.
    report_nexus = json.loads(run("report", "--body", "nexus", "--period", "2019-20/summer", "--format", "json").stdout)
    overdue = [a for a in report_nexus["activities"] if a["status"] == "overdue"]
    rows = browser.find_elements(By.CSS_SELECTOR, "table#overdue tbody tr")
    places = {a["urn"] for a in overdue}
    check(len(rows) == len(places) and len(overdue) > len(places),
          f"the overdue table has one row per place, not per activity: {len(rows)} rows, {len(places)} places, {len(overdue)} activities")
    counts = [int(r.find_elements(By.TAG_NAME, "td")[0].text) for r in rows]
    check(sum(counts) == len(overdue) and counts == sorted(counts, reverse=True),
          f"the rows count every overdue activity, the most overdue first: {counts}")
    first = rows[0]
    top_urn = max(places - {None}, key=lambda u: (sum(a["urn"] == u for a in overdue),
                                                 -min(int((a["due"] or a["end"]).replace("-", "")) for a in overdue if a["urn"] == u)))
    top = [a for a in overdue if a["urn"] == top_urn]
    oldest = min(a["due"] or a["end"] for a in top)
    links = [a.get_attribute("href") for a in first.find_elements(By.TAG_NAME, "a")]
    check(any(f"/school/{top_urn}?" in h for h in links) and any(f"/calendar/nexus?year=2019-20&school={top_urn}&show=overdue" in h for h in links),
          f"a row links to the school's page and to its overdue activities in the calendar: {links}")
    check(oldest in first.text and all(f"{t} ({sum(a['type'] == t for a in top)})" in first.text for t in {a["type"] for a in top}),
          f"a row counts the school's overdue activities by type, with the oldest due date: {first.text!r}")
    browser.get(next(h for h in links if "/calendar/" in h))
    listed = browser.find_elements(By.CSS_SELECTOR, "table#calendar tbody tr")
    school_name = next(x["name"] for x in report_nexus["schools"] if x["urn"] == top_urn)
    check(len(listed) >= len(top) and all("overdue" in r.text and school_name in r.text for r in listed),
          f"the calendar shows that school's overdue activities of the year: {len(listed)}, {len(top)} of them in the period")
    browser.get(base + "/body/nexus?period=2019-20/summer")
    full_page_screenshot("body-overview.png")

    # Compare: the merged trust's policy and the one it left, side by side, through `trellis compare`'s use case.
    browser.get(base + "/compare/merged")
    cmp_md = run("compare", "--body", "merged", "--period", "2018-19/spring", "--policy",
                 os.path.join(src, "policies/telford-and-wrekin.toml"), "--format", "md").stdout
    expected, urn = {}, None
    for line in cmp_md.splitlines():  # "### URN NAME", then "- **POLICY**: LEVEL (first assessment under ...)"
        if m := re.match(r"### (\d+) ", line):
            urn = int(m.group(1))
            expected[urn] = []
        elif urn and (m := re.match(r"- \*\*.*?\*\*: (.*?)( \(first assessment under .*\))?$", line)):
            expected[urn].append(m.group(1))
    heads = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table#compare-schools thead th")]
    check(len(heads) == 3 and "Nexus" in heads[1] and "Telford" in heads[2], f"two frameworks side by side: {heads}")
    shown = {}
    for r in browser.find_elements(By.CSS_SELECTOR, "table#compare-schools tbody tr"):
        shown[int(r.find_element(By.CSS_SELECTOR, "th .muted").text)] = [
            c.text.strip() for c in r.find_elements(By.CSS_SELECTOR, "td p.level span")]
    check(len(expected) == 4 and shown == expected,
          f"each school's level under both policies, as `trellis compare` gives them: {shown} {expected}")
    check(browser.find_elements(By.CSS_SELECTOR, "table#compare-schools td p.level svg.fill rect[fill^='#']"),
          "the levels are coloured by each scale's colours, and written in words")
    level_cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table#compare-levels tbody td")]
    check(sum(int(x) for x in level_cells) == len(expected), f"level against level counts every school once: {level_cells}")
    check(browser.find_elements(By.CSS_SELECTOR, "table#compare-workload tbody tr"), "the workload per term of each policy")
    full_page_screenshot("compare.png")
    choice = Select(browser.find_element(By.ID, "with"))
    options = [o.text for o in choice.options]
    check(options and "telford-and-wrekin.toml" in options[0] and all("/" not in o for o in options),
          f"the policies offered are those adopted here, the body's own first, by file name only: {options}")
    last = choice.options[-1].get_attribute("value")
    choice.select_by_index(len(options) - 1)
    browser.find_element(By.CSS_SELECTOR, "form#compare-form button").click()
    check(wait_for(lambda: f"with={last}" in browser.current_url and
                   browser.find_elements(By.CSS_SELECTOR, "table#compare-schools thead th")[2].text != heads[2]),
          f"another policy can be chosen to set beside the body's: {browser.current_url}")
    check(status_of("/compare/merged?with=99999")[0] == 400, "a policy not offered is refused (400)")
    browser.get(base + "/school/140597")
    check("Werneth" in browser.find_element(By.TAG_NAME, "h1").text, "the admin opens a school page")
    for section in ["level-h", "ratings-h", "activities-h", "notes-h", "evidence-h", "history-h"]:
        check(browser.find_elements(By.ID, section), f"the school page has its section {section}")
    full_page_screenshot("school.png")

    # A school name that is a script renders as text.
    browser.get(base + "/school/999901")
    try:
        browser.switch_to.alert
        check(False, "no script runs from a school's name")
    except NoAlertPresentException:
        check(True, "")
    check("<script>alert(1)</script> Academy" in browser.find_element(By.TAG_NAME, "h1").text,
          "the school's name is shown as text")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in status_of("/school/999901")[2], "the name is escaped in the HTML")

    # A head sees their school, and gets 403 on another's, which the audit log records.
    sign_in("ft.head.140597")
    check(browser.current_url.endswith("/school/140597") and "Werneth" in browser.page_source,
          "a head lands on their own school")
    status, _, body = status_of("/school/141401")
    check(status == 403 and "may not" in body, f"a head gets 403 on another school's page: {status}")
    check(status_of("/body/focus-trust")[0] == 403, "a head gets 403 on the body's overview")
    check(status_of("/compare/focus-trust")[0] == 403, "a head gets 403 on the body's comparison")
    check(status_of("/compare/focus-trust?school=141401")[0] == 403, "a head gets 403 on another school's comparison")
    status, _, body = status_of("/compare/focus-trust?school=140597")
    check(status == 200 and body.count('<th scope="row"><a href="/school/') == 1 and "140597" in body and "141401" not in body,
          f"a head compares their own school alone: {status}")
    refused = [r for r in audit_json() if r.get("command") == "read refused"]
    check(any(r.get("urn") == 141401 and r.get("who") == "ft.head.140597" for r in refused),
          f"the refused read is in the audit log: {refused[-1:] if refused else 'none'}")
    check(any("compare frameworks for school 141401" in (r.get("summary") or json.dumps(r)) for r in refused),
          f"the refused comparison is in the audit log: {refused[-1:] if refused else 'none'}")

    # A form without its CSRF token is refused, and nothing is written.
    browser.get(base + "/school/140597")
    before = len(audit_json())
    browser.execute_script("document.querySelectorAll(\"form[action='/note/4/respond'] input[name=csrf]\").forEach(e => e.remove())")
    browser.find_element(By.CSS_SELECTOR, "form[action='/note/4/respond'] button").click()
    check(wait_for(lambda: "security token" in browser.page_source), "a form without its CSRF token is refused")
    check(len(audit_json()) == before, "nothing was written for a form without its token")

    # Bad form input: HTTP 400 naming the field, what was expected and found; nothing written.
    browser.get(base + "/school/140597")
    before = len(audit_json())
    status, body = post("/note/4/respond", {"answer": "inaccurate", "comment": ""})
    check(status == 400 and "comment" in body, f"an inaccurate answer without a comment is refused (400): {status}")
    status, body = post("/note/4/respond", {"answer": "maybe"})
    check(status == 400 and "expected" in body and "maybe" in body, f"an answer that is neither is refused, naming what was found: {status}")
    check(len(audit_json()) == before, "nothing was written for the bad forms")

    # The head answers the visit note "inaccurate", with a comment.
    browser.get(base + "/school/140597")
    browser.find_element(By.CSS_SELECTOR, "form[action='/note/4/respond'] input[value=inaccurate]").click()
    browser.find_element(By.ID, "comment-4").send_keys("The visit looked at Year 5, not Year 6.")
    browser.find_element(By.CSS_SELECTOR, "form[action='/note/4/respond'] button").click()
    check(wait_for(lambda: "inaccurate" in browser.find_element(By.ID, "note-4").text), "the head's answer shows on their page")
    # An inaccurate answer needs a comment: HTTP 400 naming the field, nothing written.

    # The officer sees the head's answer on the school's page.
    sign_in("ft.aip")
    browser.get(base + "/school/140597")
    note = browser.find_element(By.ID, "note-4").text
    check("inaccurate" in note and "Year 5, not Year 6" in note, "the officer sees the note answered inaccurate, with the comment")
    check(not browser.find_elements(By.CSS_SELECTOR, "form[action='/note/4/respond']"), "only the head is offered the answer form")
    before = len(audit_json())
    status, body = post("/school/140597/rate", {"body": "focus-trust", "period": "2019-20/summer", "subject": "overall",
                                                "level": "purple", "stage": "final"})
    check(status == 400 and "purple" in body and "<strong>level</strong>" in body,
          f"a level not on the scale is refused, naming the field: {status} {re.findall(r'role=.alert.>([^<]*)<', body)}")
    check(len(audit_json()) == before, "nothing was written for the bad rating")

    # A Nexus head records a self-assessment through the form (the use case `trellis rate` calls).
    sign_in("nexus.head.141589")
    browser.get(base + "/school/141589?body=nexus&period=2019-20/summer")
    stages = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "select#stage option")]
    check(stages == ["self"], f"a head is offered the stages their regime gives heads: {stages}")
    Select(browser.find_element(By.ID, "subject")).select_by_value("quality_of_education")
    Select(browser.find_element(By.ID, "level-choice")).select_by_value("developing")
    browser.find_element(By.ID, "rationale").send_keys("SYNTHETIC: our own view after the summer review")
    browser.find_element(By.CSS_SELECTOR, "form[action='/school/141589/rate'] button").click()
    check(wait_for(lambda: any("self" in r.text and "our own view" in r.text
                               for r in browser.find_elements(By.CSS_SELECTOR, "table#ratings tbody tr"))),
          "the head's self-assessment shows among the ratings, with who and why")
    check("our own view" in run("history", "141589", "--format", "json").stdout or
          any(r["command"] == "rate" and r["who"] == "nexus.head.141589" for r in audit_json()),
          "the self-assessment is stored, by the head")

    # A board member sees the reported stage only: Nexus's Directors see moderated ratings.
    sign_in("nexus.director")
    browser.get(base + "/school/141589?body=nexus&period=2019-20/summer")
    stages = {td.text for td in browser.find_elements(By.CSS_SELECTOR, "table#ratings tbody td:first-child")}
    check(stages == {"moderated"}, f"a Nexus director sees moderated ratings only: {stages}")
    run_as_admin = subprocess.run([trellis, "report", "--body", "nexus", "--period", "2019-20/summer", "--format", "json"],
                                  env=env, cwd=work, capture_output=True, text=True)
    check('"self"' in run_as_admin.stdout, "the self-assessments are held (the admin's report has them)")
    browser.get(base + "/body/nexus?period=2019-20/summer")
    check("As a board member you see the reported stage only" in browser.page_source, "the overview says so")
    browser.get(base + "/compare/nexus?period=2019-20/summer")
    held = [p.text for p in browser.find_elements(By.XPATH, "//td/p[strong='Ratings held:']")]
    check(held and all(h == "Ratings held: moderated " + h.split()[-1] for h in held),
          f"a director's comparison holds the moderated ratings only: {held[:3]}")
    check("As a board member you see the reported stage only" in browser.page_source, "the comparison says so")
    check(status_of("/compare/focus-trust")[0] == 403, "a Nexus director gets 403 on another body's comparison")
    check(status_of("/body/focus-trust")[0] == 403, "a Nexus director gets 403 on another body")

    # The calendar and its ICS.
    sign_in("ft.aip")
    browser.get(base + "/calendar/focus-trust?year=2019-20&show=overdue")
    rows = browser.find_elements(By.CSS_SELECTOR, "table#calendar tbody tr")
    check(rows and all("overdue" in r.text for r in rows), "the calendar filters what is overdue")
    status, headers, ics = status_of("/calendar/focus-trust.ics?year=2019-20&school=140597")
    check(status == 200 and ics.startswith("BEGIN:VCALENDAR") and "Werneth" in ics, "a school's calendar downloads as ICS")
    browser.quit()

    # Sign-in attempts are limited: after five failures for an id, even the right password waits.
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    def attempt(person, password):
        page = opener.open(base + "/signin").read().decode()
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrf": token, "person": person, "password": password}).encode()
        try:
            return opener.open(urllib.request.Request(base + "/signin", data=body)).status
        except urllib.error.HTTPError as e:
            return e.code
    codes = [attempt("ft.aip", "wrong password %d" % i) for i in range(5)]
    check(codes == [401] * 5, f"five wrong passwords: 401 each: {codes}")
    check(attempt("ft.aip", PASSWORD) == 429, "the sixth attempt, even with the right password, is refused (429)")
finally:
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)

print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
