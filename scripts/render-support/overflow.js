/* Injected by scripts/render-html into a copy of a report (joined into one line, so only block comments): lists
   every table cell whose text runs out of it (wider than the cell), then writes the list into the page for
   Chromium's --dump-dom to read. */
window.addEventListener("load", () => {
  const out = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (cell.scrollWidth > cell.clientWidth + 1) out.push(cell.textContent.trim().slice(0, 40));
  }
  const result = document.createElement("pre");
  result.id = "overflow-check";
  result.textContent = ["OVERFLOW", "RESULT"].join("_") + ":" + JSON.stringify(out);
  document.body.appendChild(result);
});
