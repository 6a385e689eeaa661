// Builds lsip/static/dist from the npm packages: the compiled stylesheet (with the
// accessible-autocomplete styles), GOV.UK Frontend's JavaScript, accessible-autocomplete for
// the pickers (lsip/static/js/pickers.js loads it) and the Vega libraries for charts. Run by `./dev` after `npm ci`;
// the output is not committed.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "lsip", "static", "dist");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(out, { recursive: true });
const result = compile(join(root, "frontend", "lsip.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(join(out, "lsip.css"), result.css);
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(
  join(root, "node_modules", "accessible-autocomplete", "dist", "accessible-autocomplete.min.js"),
  join(out, "accessible-autocomplete.min.js"),
);
// Vega, Vega-Lite and Vega-Embed for the charts (lsip/static/js/charts.js loads them).
for (const [pkg, file] of [
  ["vega", "vega.min.js"],
  ["vega-lite", "vega-lite.min.js"],
  ["vega-embed", "vega-embed.min.js"],
]) {
  copyFileSync(join(root, "node_modules", pkg, "build", file), join(out, file));
}
console.log(`built ${join(out, "lsip.css")}`);
