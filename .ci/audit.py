"""The dependency audit `./dev test` runs (docs/decisions/0094): pip-audit over the installed
Python packages and `npm audit` over the front end's, failing on a known vulnerability that
`.audit-allow` does not list. Where the registries do not answer vulnerability queries the
audit says so and, unless LSIP_REQUIRE_AUDIT=1, lets the tests go on."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOW = ROOT / ".audit-allow"


def allowed(path: Path = ALLOW) -> set[str]:
    """Advisory IDs listed in the allow-list (one a line; `#` starts a comment)."""
    if not path.is_file():
        return set()
    ids = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return {i for i in ids if i}


def python_findings(report: dict, allow: set[str]) -> tuple[list[str], bool]:
    """(vulnerabilities not allowed, whether anything could be audited) of pip-audit's JSON."""
    found, audited = [], False
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            continue
        audited = True
        for vuln in dependency.get("vulns", []):
            ids = {vuln["id"], *vuln.get("aliases", [])}
            if ids & allow:
                continue
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed version"
            found.append(
                f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixes})"
            )
    return found, audited


def npm_findings(report: dict, allow: set[str]) -> tuple[list[str], bool]:
    """(vulnerabilities not allowed, whether the audit answered) of `npm audit --json`."""
    if "vulnerabilities" not in report:
        return [], False
    found = []
    for name, entry in report["vulnerabilities"].items():
        for via in entry.get("via", []):
            if not isinstance(via, dict):
                continue  # a package that is vulnerable through another one, listed itself
            advisory = re.sub(r".*/", "", via.get("url", "")) or str(via.get("source", ""))
            if advisory in allow:
                continue
            found.append(f"{name} {entry.get('range', '')}: {advisory} {via.get('title', '')}")
    return found, True


def run_pip_audit(allow: set[str]) -> dict:
    command = [sys.executable, "-m", "pip_audit", "-f", "json", "--progress-spinner", "off"]
    for vuln in sorted(allow):
        command += ["--ignore-vuln", vuln]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        return json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return {}


def run_npm_audit() -> dict:
    result = subprocess.run(
        ["npm", "audit", "--omit=dev", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        return json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return {}


def main() -> int:
    allow = allowed()
    python, python_ok = python_findings(run_pip_audit(allow), allow)
    npm, npm_ok = npm_findings(run_npm_audit(), allow)
    for line in python + npm:
        sys.stderr.write(f"audit: known vulnerability: {line}\n")
    unreached = [name for name, ok in (("PyPI", python_ok), ("npm", npm_ok)) if not ok]
    if unreached:
        sys.stderr.write(
            f"audit: the {' and '.join(unreached)} vulnerability data could not be reached; "
            "those packages were not audited\n"
        )
    if python or npm:
        sys.stderr.write("audit: upgrade, or list the advisory in .audit-allow with why\n")
        return 1
    if unreached and os.environ.get("LSIP_REQUIRE_AUDIT") == "1":
        return 1
    done = "audit: no known vulnerability" + (" in what could be audited" if unreached else "")
    sys.stdout.write(done + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
