#!/usr/bin/python3
"""End-to-end tests of `detente serve` in a real headless Chromium.

Ingests examples/ plus a document with hostile title, text and URL into a
fresh database, adds two entities with hostile names, starts the real binary
on a free loopback port, and drives Debian's chromium through chromedriver
(python3-selenium, hence /usr/bin/python3). Each test compares what the page
draws with what the API answers, so that a page that draws nothing, or draws
the wrong thing, fails.

  tests/browser/serve_browser_test.py --detente build/detente [--screenshots DIR]

CTest runs it (tests/CMakeLists.txt); --screenshots saves the main views as
PNG files (docs/screenshots/ holds the ones the README shows).
"""
import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARGS = None

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'

HOSTILE_DOC = {
    "id": "hostile-1",
    "title": HOSTILE_IMG + " " + HOSTILE_SCRIPT,
    "date": "2024-06-11",
    "url": "javascript:alert(1)",
    "text": "Antony Blinken met Sameh Shoukry in Cairo on Tuesday. "
            "Observers wrote " + HOSTILE_SCRIPT + " and " + HOSTILE_IMG + " on the walls.",
}


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd} exited {r.returncode}: {r.stderr}")
    return r.stdout


class Served:
    """A database built for the tests, and `detente serve` over it."""

    def __init__(self, binary):
        self.dir = tempfile.mkdtemp(prefix="detente-browser-")
        self.db = os.path.join(self.dir, "e2e.db")
        hostile = os.path.join(self.dir, "hostile.jsonl")
        with open(hostile, "w") as f:
            f.write(json.dumps(HOSTILE_DOC) + "\n")
        run([binary, "ingest", "-q", "--db", self.db, os.path.join(SOURCE, "examples"), hostile])
        # Entities whose names are markup, in events with Antony Blinken.
        sql = """
        INSERT INTO entities(name, kind, country) VALUES ('{s}', 'person', NULL), ('{i}', 'organization', NULL);
        INSERT INTO aliases(alias, entity_id) SELECT name, id FROM entities WHERE name IN ('{s}', '{i}');
        INSERT INTO events(sentence_id, actor_id, action, action_class, object_id, event_date, negated,
                           modality, extractor_version)
          SELECT (SELECT s.id FROM sentences s JOIN documents d ON d.id = s.document_id
                  WHERE d.doc_id = 'hostile-1' ORDER BY s.idx DESC LIMIT 1),
                 (SELECT id FROM entities WHERE name = 'Antony Blinken'), 'meet', '04 Consult', e.id,
                 '2024-06-11', 0, 'asserted', 'test'
          FROM entities e WHERE e.name IN ('{s}', '{i}');
        """.format(s=HOSTILE_SCRIPT.replace("'", "''"), i=HOSTILE_IMG.replace("'", "''"))
        run([binary, "sql", "--write", "--db", self.db, "-"], input=sql)
        self.out = open(os.path.join(self.dir, "serve.out"), "w+")
        self.err = open(os.path.join(self.dir, "serve.err"), "w+")
        self.proc = subprocess.Popen([binary, "serve", "--db", self.db, "--port", "0", "--rate", "0"],
                                     stdout=self.out, stderr=self.err, stdin=subprocess.DEVNULL)
        self.url = None
        for _ in range(200):
            self.out.seek(0)
            m = re.search(r"at (http://127\.0\.0\.1:\d+/)", self.out.read())
            if m:
                self.url = m.group(1)
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        if not self.url:
            self.err.seek(0)
            raise RuntimeError("detente serve did not start: " + self.err.read())

    def api(self, path, **params):
        q = urllib.parse.urlencode(params)
        with urllib.request.urlopen(self.url + "api/" + path + ("?" + q if q else ""), timeout=20) as r:
            return json.load(r)

    def event_dates(self, name):
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as db:
            return [r[0] for r in db.execute(
                "SELECT COALESCE(ev.event_date, d.published) FROM events ev "
                "JOIN entities en ON en.id IN (ev.actor_id, ev.object_id) "
                "JOIN sentences s ON s.id = ev.sentence_id JOIN documents d ON d.id = s.document_id "
                "WHERE en.name = ?", (name,))]

    def entity_id(self, name):
        for r in self.api("search", q=name, limit=10)["results"]:
            if r["name"] == name:
                return r["id"]
        raise KeyError(name)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=20)
        self.err.seek(0)
        log = self.err.read()
        shutil.rmtree(self.dir, ignore_errors=True)
        return code, log


def make_driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1500",
                 "--user-data-dir=" + tempfile.mkdtemp(prefix="detente-chromium-")]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


class ServeBrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.served = Served(ARGS.detente)
        cls.driver = make_driver()
        cls.blinken = cls.served.entity_id("Antony Blinken")

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        code, log = cls.served.stop()
        assert code == 0, f"detente serve exited {code}: {log}"

    # ---- helpers ----
    def open(self, query=""):
        self.driver.get(self.served.url + query)

    def wait(self, condition, timeout=20):
        return WebDriverWait(self.driver, timeout).until(condition)

    def wait_drawn(self, svg_id):
        self.wait(lambda d: d.find_element(By.ID, svg_id).get_attribute("data-state") == "drawn")

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def no_alert(self):
        try:
            text = self.driver.switch_to.alert.text
        except NoAlertPresentException:
            return
        self.fail("an alert opened: " + text)

    def errors_in_console(self):
        return [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def shot(self, name):
        if ARGS.screenshots:
            os.makedirs(ARGS.screenshots, exist_ok=True)
            self.driver.save_screenshot(os.path.join(ARGS.screenshots, name + ".png"))

    # ---- tests ----
    def test_1_search_offers_blinken(self):
        self.open()
        box = self.wait(EC.element_to_be_clickable((By.ID, "search")))
        box.send_keys("Blinken")
        item = self.wait(EC.visibility_of_element_located(
            (By.XPATH, "//ul[@id='search-list']/li[starts-with(normalize-space(.), 'Antony Blinken')]")))
        self.assertEqual(item.get_attribute("data-id"), str(self.blinken))
        self.shot("search")
        item.click()
        self.wait(lambda d: f"entity={self.blinken}" in d.current_url)
        self.wait_drawn("graph")
        self.assertEqual(self.driver.find_element(By.ID, "search").get_attribute("value"), "Antony Blinken")
        self.no_alert()

    def test_2_ego_network_shows_counterparts(self):
        self.open(f"?entity={self.blinken}")
        self.wait_drawn("graph")
        drawn = set(self.js("return [...document.querySelectorAll('#graph g.node:not(.group)')]"
                            ".map(n => n.getAttribute('data-name'))"))
        api = {n["name"] for n in self.served.api("neighbours", entity=self.blinken)["nodes"]}
        self.assertEqual(drawn, api)
        for name in ["Antony Blinken", "Abdel Fattah el-Sissi", "Xi Jinping", "Benjamin Netanyahu",
                     "Volodymyr Zelensky"]:
            self.assertIn(name, drawn)
        center = self.driver.find_element(By.CSS_SELECTOR, "#graph g.node.center")
        self.assertEqual(center.get_attribute("data-name"), "Antony Blinken")
        edges = self.driver.find_elements(By.CSS_SELECTOR, "#graph g.edge")
        self.assertEqual(len(edges), len(self.served.api("neighbours", entity=self.blinken)["edges"]))
        # Edges are coloured by QuadClass: meetings are verbal cooperation (1).
        sissi = self.served.entity_id("Abdel Fattah el-Sissi")
        edge = self.driver.find_element(
            By.CSS_SELECTOR, f"#graph g.edge[data-source='{min(sissi, self.blinken)}'][data-target='{max(sissi, self.blinken)}']")
        self.assertIn("q1", edge.get_attribute("class").split())
        # Node sizes follow degrees: the centre is the biggest.
        radii = self.js("return [...document.querySelectorAll('#graph g.node circle')].map(c => +c.getAttribute('r'))")
        self.assertEqual(max(radii), float(center.find_element(By.TAG_NAME, "circle").get_attribute("r")))
        self.assertEqual(self.errors_in_console(), [])
        self.shot("ego-network")

    def test_3_clicking_an_edge_shows_its_evidence(self):
        self.open(f"?entity={self.blinken}")
        self.wait_drawn("graph")
        sissi = self.served.entity_id("Abdel Fattah el-Sissi")
        a, b = min(sissi, self.blinken), max(sissi, self.blinken)
        hit = self.driver.find_element(By.CSS_SELECTOR, f"#graph g.edge[data-source='{a}'][data-target='{b}'] line.hit")
        # A click on the element itself: at its centre on screen another
        # edge's hit line may lie on top, depending on the layout.
        self.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", hit)
        want = "U.S. Secretary of State Antony Blinken met Egyptian President Abdel Fattah el-Sissi in Cairo on Monday."
        self.wait(lambda d: any(q.text == want for q in d.find_elements(By.CSS_SELECTOR, "#evidence blockquote.sentence")))
        title = self.driver.find_element(By.ID, "evidence-title").text
        self.assertIn("Abdel Fattah el-Sissi", title)
        sentences = [q.text for q in self.driver.find_elements(By.CSS_SELECTOR, "#evidence blockquote.sentence")]
        api = self.served.api("events", entity=a, other=b)
        self.assertEqual(sentences, [e["sources"][0]["sentence"] for e in api["events"]])
        self.assertIn("Blinken opens new Middle East tour in Cairo",
                      self.driver.find_element(By.CSS_SELECTOR, "#evidence .source").text)
        self.shot("evidence")

    def test_4_timeline_has_the_right_buckets(self):
        self.open(f"?entity={self.blinken}")
        self.wait_drawn("timeline")
        def buckets():
            return self.js("return [...document.querySelectorAll('#timeline g.bucket')]"
                           ".map(g => [g.getAttribute('data-start'), +g.getAttribute('data-events')])")
        api = self.served.api("timeline", entity=self.blinken, bucket="month")
        self.assertEqual(buckets(), [[b["start"], b["events"]] for b in api["buckets"]])
        # Every month with an event of his (dated by the text, else by its
        # document), read from the database itself, and no other.
        months = sorted({d[:7] for d in self.served.event_dates("Antony Blinken")})
        self.assertEqual([b[0] for b in buckets()], months)
        self.assertIn("2024-06", months)
        Select(self.driver.find_element(By.ID, "bucket")).select_by_value("week")
        self.wait(lambda d: "bucket=week" in d.current_url)
        self.wait(lambda d: len(buckets()) > 0 and buckets()[0][0].count("-") == 2)
        api = self.served.api("timeline", entity=self.blinken, bucket="week")
        self.assertEqual(buckets(), [[b["start"], b["events"]] for b in api["buckets"]])
        self.assertIn("2024-06-10", [b[0] for b in buckets()])  # the Monday of the Cairo week
        # Brushing the last bucket filters the graph's dates, and the URL keeps them.
        bar = self.driver.find_element(By.CSS_SELECTOR, "#timeline g.bucket[data-start='2024-06-10'] rect")
        overlay = self.driver.find_element(By.CSS_SELECTOR, "#timeline .brush .overlay")
        x0 = self.js("const o = arguments[0].getBoundingClientRect(), r = arguments[1].getBoundingClientRect();"
                     "return [r.left - o.left + 1, r.right - o.left - 1, o.width, o.height]", overlay, bar)
        start = x0[0] - x0[2] / 2
        webdriver.ActionChains(self.driver).move_to_element_with_offset(overlay, int(start), 0) \
            .click_and_hold().move_by_offset(int(x0[1] - x0[0]), 0).release().perform()
        self.wait(lambda d: "since=2024-06-1" in d.current_url)
        self.wait_drawn("graph")
        self.wait(lambda d: "Xi Jinping" not in self.js(
            "return [...document.querySelectorAll('#graph g.node')].map(n => n.getAttribute('data-name'))"))
        # The map follows the dates: only the places of the brushed days.
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.driver.current_url).query)
        week = {f["properties"]["name"] for f in self.served.api(
            "places", entity=self.blinken, since=q["since"][0], until=q["until"][0])["features"]}
        self.assertIn("Cairo", week)
        self.assertNotIn("Beijing", week)
        markers = lambda: set(self.js(
            "return [...document.querySelectorAll('#map circle.marker')].map(c => c.getAttribute('data-name'))"))
        try:
            self.wait(lambda d: d.find_element(By.ID, "map").get_attribute("data-state") == "drawn" and markers() == week)
        except Exception:
            self.fail(f"map shows {markers()}, want {week} for {q}")
        self.shot("timeline-brushed")

    def test_5_map_shows_a_marker_at_cairo(self):
        self.open(f"?entity={self.blinken}")
        self.wait_drawn("map")
        marker = self.driver.find_element(By.CSS_SELECTOR, "#map circle.marker[data-name='Cairo']")
        self.assertAlmostEqual(float(marker.get_attribute("data-lon")), 31.24, places=1)
        self.assertAlmostEqual(float(marker.get_attribute("data-lat")), 30.04, places=1)
        # It is drawn inside Egypt's shape, on the local base map.
        inside = self.js("""
            const m = arguments[0].getBoundingClientRect();
            const x = m.left + m.width / 2, y = m.top + m.height / 2;
            const egypt = document.querySelector("#map path.country[data-name='Egypt']");
            const svg = egypt.ownerSVGElement, p = svg.createSVGPoint();
            p.x = x; p.y = y;
            return egypt.isPointInFill(p.matrixTransform(egypt.getScreenCTM().inverse()));""", marker)
        self.assertTrue(inside)
        names = set(self.js("return [...document.querySelectorAll('#map circle.marker')].map(c => c.getAttribute('data-name'))"))
        api = {f["properties"]["name"] for f in self.served.api("places", entity=self.blinken)["features"]}
        self.assertEqual(names, api)
        self.assertGreater(len(self.driver.find_elements(By.CSS_SELECTOR, "#map path.country")), 200)
        webdriver.ActionChains(self.driver).move_to_element(marker).click().perform()
        self.wait(lambda d: d.find_element(By.ID, "evidence-title").text.startswith("Events in Cairo"))
        self.shot("map")

    def test_6_path_between_two_entities_shows_its_hops(self):
        biden = self.served.entity_id("Joe Biden")
        api = self.served.api("path", **{"from": self.blinken, "to": biden})
        self.assertTrue(api["found"])
        self.assertGreaterEqual(api["length"], 2)
        # Through the form: suggestions for both ends, then the button.
        self.open()
        frm = self.wait(EC.element_to_be_clickable((By.ID, "path-from")))
        frm.send_keys("Blinken")
        self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#from-picker li"))).click()
        to = self.driver.find_element(By.ID, "path-to")
        to.send_keys("Joe Bi")
        self.wait(EC.visibility_of_element_located(
            (By.XPATH, "//div[@id='to-picker']//li[starts-with(normalize-space(.), 'Joe Biden')]"))).click()
        self.driver.find_element(By.ID, "path-go").click()
        self.wait(lambda d: f"from={self.blinken}" in d.current_url and f"to={biden}" in d.current_url)
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#evidence li.hop")) == api["length"])
        hops = [h.find_element(By.CSS_SELECTOR, ".hop-title").text for h in
                self.driver.find_elements(By.CSS_SELECTOR, "#evidence li.hop")]
        for i, hop in enumerate(api["hops"]):
            self.assertIn(f"{hop['from']['name']} — {hop['to']['name']}", hops[i])
        first = self.driver.find_element(By.CSS_SELECTOR, "#evidence li.hop blockquote.sentence").text
        self.assertEqual(first, api["hops"][0]["evidence"][0]["sources"][0]["sentence"])
        self.wait_drawn("graph")
        path_nodes = self.js("return [...document.querySelectorAll('#graph g.node')].map(n => n.getAttribute('data-name'))")
        self.assertEqual(len(path_nodes), api["length"] + 1)
        self.shot("path")
        # The URL alone reopens the same view.
        self.open(f"?from={self.blinken}&to={biden}")
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#evidence li.hop")) == api["length"])

    def test_7_hostile_names_render_as_text(self):
        self.open(f"?entity={self.blinken}")
        self.wait_drawn("graph")
        self.no_alert()
        names = self.js("return [...document.querySelectorAll('#graph g.node')].map(n => n.textContent)")
        self.assertTrue(any(HOSTILE_SCRIPT in n for n in names), names)
        self.assertTrue(any(HOSTILE_IMG in n for n in names), names)
        # Only the page's own three scripts, and no image element anywhere.
        scripts = self.js("return [...document.scripts].map(s => s.getAttribute('src'))")
        self.assertEqual(scripts, ["/vendor/d3.min.js", "/vendor/topojson-client.min.js", "/app.js"])
        self.assertEqual(self.js("return document.querySelectorAll('img').length"), 0)
        # The hostile node's evidence: title, sentence and URL as text, the URL no link.
        hostile = self.served.entity_id(HOSTILE_SCRIPT)
        node = self.driver.find_element(By.CSS_SELECTOR, f"#graph g.node[data-id='{hostile}'] circle")
        webdriver.ActionChains(self.driver).move_to_element(node).click().perform()
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#evidence .doc-title")) > 0)
        self.no_alert()
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "#evidence .doc-title").text,
                         HOSTILE_DOC["title"])
        self.assertIn(HOSTILE_SCRIPT, self.driver.find_element(By.CSS_SELECTOR, "#evidence blockquote").text)
        self.assertIn("javascript:alert(1)", self.driver.find_element(By.CSS_SELECTOR, "#evidence .doc-url").text)
        hrefs = self.js("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
        self.assertFalse([h for h in hrefs if not h.startswith(("http://", "https://"))], hrefs)
        self.assertEqual(self.js("return document.querySelectorAll('img, iframe, object, embed').length"), 0)
        # Its own view, from the URL, with its name as the title.
        self.open(f"?entity={hostile}")
        self.wait_drawn("graph")
        self.no_alert()
        self.assertIn(HOSTILE_SCRIPT, self.driver.find_element(By.ID, "view-title").text)
        self.assertEqual(self.js("return document.querySelectorAll('img').length"), 0)
        self.assertEqual(self.errors_in_console(), [])

    def test_8_a_bookmarked_view_opens_with_its_filters(self):
        self.open(f"?entity={self.blinken}&since=2024-05-01&until=2024-05-31")
        self.wait_drawn("graph")
        self.assertEqual(self.driver.find_element(By.ID, "f-since").get_attribute("value"), "2024-05-01")
        drawn = set(self.js("return [...document.querySelectorAll('#graph g.node')].map(n => n.getAttribute('data-name'))"))
        api = {n["name"] for n in self.served.api("neighbours", entity=self.blinken,
                                                  since="2024-05-01", until="2024-05-31")["nodes"]}
        self.assertEqual(drawn, api)
        self.assertIn("Volodymyr Zelensky", drawn)
        self.assertNotIn("Abdel Fattah el-Sissi", drawn)
        # The evidence panel shows the entity's events under the same dates.
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#evidence blockquote")) > 0)
        dates = [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, "#evidence .what strong")]
        self.assertTrue(all(d.startswith("2024-05") for d in dates), dates)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--detente", required=True)
    p.add_argument("--screenshots")
    ARGS, rest = p.parse_known_args()
    ARGS.detente = os.path.abspath(ARGS.detente)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
