// Polls an ingest job's progress until it is done.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  function show(job) {
    document.getElementById("job-stage").textContent = job.stage;
    var bar = document.getElementById("job-progress");
    bar.max = job.total || 1; bar.value = job.done;
    document.getElementById("job-count").textContent = job.done + "/" + job.total;
    document.getElementById("job-message").textContent = job.message;
    var list = document.getElementById("job-failures");
    list.textContent = "";
    job.failures.forEach(function (f) { var li = document.createElement("li"); li.textContent = f; list.appendChild(li); });
    if (!job.finished) { setTimeout(poll, 1000); }
  }
  function poll() {
    fetch(box.dataset.job, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(show);
  }
  poll();
})();
