// Starts GOV.UK Frontend's components (a file, not inline: see js-enabled.js).
import { initAll } from "../dist/govuk-frontend.min.js";

initAll();
