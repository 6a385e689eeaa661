"""The dependency audit of `./dev test` (.ci/audit.py): a known vulnerability fails unless the
allow-list names it, and a registry that cannot say is reported, not taken as clean."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("audit", ROOT / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

PIP = {
    "dependencies": [
        {"name": "django", "version": "5.2.0", "vulns": []},
        {
            "name": "requests",
            "version": "2.0.0",
            "vulns": [{"id": "PYSEC-1", "aliases": ["CVE-9"], "fix_versions": ["2.32.0"]}],
        },
        {"name": "private-pkg", "version": "1", "skip_reason": "not found on PyPI"},
    ]
}
NPM = {
    "vulnerabilities": {
        "vega": {
            "range": "<6.0.0",
            "via": [{"url": "https://github.com/advisories/GHSA-abcd", "title": "XSS"}],
        },
        "vega-embed": {"range": "*", "via": ["vega"]},
    }
}


def test_a_known_vulnerability_is_found_until_allowed():
    found, audited = audit.python_findings(PIP, set())
    assert audited
    assert found == ["requests 2.0.0: PYSEC-1 (fixed in 2.32.0)"]
    assert audit.python_findings(PIP, {"CVE-9"})[0] == []
    found, answered = audit.npm_findings(NPM, set())
    assert answered
    assert found == ["vega <6.0.0: GHSA-abcd XSS"]
    assert audit.npm_findings(NPM, {"GHSA-abcd"})[0] == []


def test_an_unreachable_registry_is_not_taken_as_clean():
    skipped = {"dependencies": [{"name": "x", "version": "1", "skip_reason": "offline"}]}
    assert audit.python_findings(skipped, set()) == ([], False)
    assert audit.npm_findings({"error": {"summary": "405"}}, set()) == ([], False)


def test_the_allow_list_reads_ids_and_skips_comments(tmp_path):
    listed = tmp_path / "allow"
    listed.write_text("# why\nPYSEC-2  # requests: no fix yet\n\nGHSA-x\n")
    assert audit.allowed(listed) == {"PYSEC-2", "GHSA-x"}
    assert audit.allowed(ROOT / ".audit-allow") == set()
