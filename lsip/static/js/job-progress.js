// Live progress on a job's page: polls the job's status and updates the bar, the stage and
// the count; reloads the page once the job has ended so the full result is shown. Without
// JavaScript the page refreshes itself (a <noscript> refresh in the head).
const box = document.getElementById("job-status");

function show(status) {
  for (const element of box.querySelectorAll("[data-field]")) {
    const name = element.dataset.field;
    if (name === "count") {
      element.textContent = status.total ? `${status.done} of ${status.total}` : "";
    } else if (status[name] !== undefined) {
      element.textContent = status[name];
    }
  }
  const bar = box.querySelector("progress");
  if (bar) {
    if (status.percent === null) bar.removeAttribute("value");
    else bar.value = status.percent;
  }
}

async function poll() {
  try {
    const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
    if (response.ok) {
      const status = await response.json();
      show(status);
      if (status.ended) {
        window.location.reload();
        return;
      }
    }
  } catch (error) {
    // The network may be down for a moment: try again at the next tick.
  }
  window.setTimeout(poll, 1000);
}

if (box && box.dataset.ended !== "true") window.setTimeout(poll, 1000);
