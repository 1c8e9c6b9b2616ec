#!/usr/bin/env bash
# Opens every HTML report in real headless Chromium (Debian's `chromium`, installed when missing)
# at 1280 px and 390 px wide and fails when a page scrolls sideways, when an element is clipped
# instead of scrolling, when the table of contents is not pinned beside the report on the wide
# screen, or when a page holds a raster image (charts are inline SVG only). Screenshots of each
# page at each width go to .build/browser-check/ for a look.
#
#   bash scripts/check-reports-browser.sh                 # reports/*.html
#   bash scripts/check-reports-browser.sh site/ other.html
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "check-reports-browser: installing chromium ..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y -q chromium >/dev/null 2>&1 || {
        $sudo apt-get update -q >/dev/null
        $sudo apt-get install -y -q chromium >/dev/null
    }
fi

pages=()
if [ "$#" -eq 0 ]; then set -- reports; fi
for argument in "$@"; do
    if [ -d "$argument" ]; then
        for page in "$argument"/*.html; do [ -e "$page" ] && pages+=("$page"); done
    else
        pages+=("$argument")
    fi
done
if [ "${#pages[@]}" -eq 0 ]; then echo "check-reports-browser: no HTML pages in $*" >&2; exit 1; fi

out=.build/browser-check
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Measures the page after it has loaded and appends one line, LABBOOK-CHECK {...}, to the DOM.
probe='<script>
addEventListener("load", () => {
  const root = document.documentElement, width = root.clientWidth, problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
  if (root.scrollWidth > width) problems.push("the page is " + root.scrollWidth + " px wide in a " + width + " px window");
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    if (box.right > width + 1 && style.position !== "fixed" && !scrolls(el)) problems.push(name(el) + " ends at " + Math.round(box.right) + " px");
    if ((style.overflowX === "hidden" || style.overflowX === "clip") && el.scrollWidth > el.clientWidth + 1) problems.push(name(el) + " clips its content");
    if (el.tagName === "IMG" || el.tagName === "PICTURE" || el.tagName === "CANVAS") problems.push(name(el) + " is a raster image; charts are inline SVG");
  }
  const toc = document.querySelector("nav.toc");
  const line = document.createElement("pre");
  line.textContent = "LABBOOK-CHECK " + JSON.stringify({ width, toc: toc ? getComputedStyle(toc).position : "none", problems: problems.slice(0, 8) });
  document.body.appendChild(line);
  parent.postMessage(line.textContent, "*");
});
</script>'

failures=0
for page in "${pages[@]}"; do
    base=$(basename "$page" .html)
    probed="$(dirname "$page")/.${base}.browser-check.html"
    # The probe goes in a sibling copy, so the page's relative links resolve as they would.
    PROBE="$probe" awk '/<\/body>/ && !done { print ENVIRON["PROBE"]; done = 1 } { print }' "$page" >"$probed"
    if grep -qiE '<img|data:image/|\.png["'"'"' )]' "$page"; then
        echo "FAIL $page: holds a raster image or PNG reference; charts must be inline SVG" >&2
        failures=$((failures + 1))
    fi
    for width in 1280 390; do
        # Chromium's window is at least 500 px wide, so the page is measured in an iframe of
        # exactly the width (its media queries see that width); the probe posts its line up.
        frame="$(dirname "$page")/.${base}.browser-check-$width.html"
        cat >"$frame" <<FRAME
<!DOCTYPE html><html><body style="margin:0"><iframe src=".${base}.browser-check.html" style="display:block;border:0;width:${width}px;height:900px"></iframe>
<script>addEventListener("message", (event) => { const line = document.createElement("pre"); line.textContent = event.data; document.body.appendChild(line); });</script></body></html>
FRAME
        flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$((width > 500 ? width : 500)),900" --virtual-time-budget=5000)
        result=$(chromium "${flags[@]}" --dump-dom "file://$(realpath "$frame")" 2>/dev/null | grep -o 'LABBOOK-CHECK {.*}' || true)
        chromium "${flags[@]}" --screenshot="$out/$base-$width.png" "file://$(realpath "$frame")" >/dev/null 2>&1 || true
        rm -f "$frame"
        if [ -z "$result" ]; then
            echo "FAIL $page at $width px: the page did not load in chromium" >&2
            failures=$((failures + 1))
            continue
        fi
        json=${result#LABBOOK-CHECK }
        if ! grep -q '"problems":\[\]' <<<"$json"; then
            echo "FAIL $page at $width px: $json" >&2
            failures=$((failures + 1))
        elif [ "$width" = 1280 ] && grep -q '"toc":"static"' <<<"$json"; then
            echo "FAIL $page at 1280 px: the table of contents scrolls away instead of staying beside the report" >&2
            failures=$((failures + 1))
        elif ! grep -q "\"width\":$width," <<<"$json"; then
            echo "FAIL $page at $width px: measured at another width: $json" >&2
            failures=$((failures + 1))
        else
            echo "ok   $page at $width px" >&2
        fi
    done
    [ -n "${KEEP_PROBE:-}" ] || rm -f "$probed"
done
if [ "$failures" -gt 0 ]; then
    echo "check-reports-browser: $failures problem(s); screenshots in $out/" >&2
    exit 1
fi
echo "check-reports-browser: ${#pages[@]} page(s) fit at 1280 and 390 px; screenshots in $out/" >&2
