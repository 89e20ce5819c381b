// The page of `gwlint serve`. It sends the draft and its parents to
// /api/view and draws the answer. Every piece of text that comes from a
// draft, a parent or a finding is put into the page with textContent,
// never as markup: a draft may contain anything.
(function () {
  "use strict";

  var SEVERITY_LABEL = { error: "错误", warning: "警告", info: "提示" };
  var SEVERITY_RANK = { info: 1, warning: 2, error: 3 };

  var state = { draft: null, parents: [], report: null, view: null, accepted: {}, ignored: {} };

  // The kinds the findings are filtered by, as the printed 审核单 groups
  // them; a rule belongs to the first kind one of whose prefixes its ID has.
  var KINDS = [
    ["篇幅", ["length-"]],
    ["照搬照抄", ["copy-"]],
    ["层层转发", ["forward-"]],
    ["基层负担与文风", ["burden-", "style-"]],
    ["文种与标题", ["genre-", "title-"]],
    ["公文格式", ["docno-", "date-", "heading-", "attachment-", "addressee-", "cc-", "header-", "layout-"]],
    ["标点与数字", ["punct-", "number-"]]
  ];

  function kindOf(rule) {
    for (var k = 0; k < KINDS.length; k++) {
      for (var p = 0; p < KINDS[k][1].length; p++) {
        if (rule.indexOf(KINDS[k][1][p]) === 0) { return KINDS[k][0]; }
      }
    }
    return "其他";
  }

  function $(id) { return document.getElementById(id); }

  // el makes an element with a class and, optionally, its text.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function pct(v) { return (Math.round(v * 1000) / 10).toFixed(1); }

  // ---- Offsets -----------------------------------------------------------
  // The server counts code points; JavaScript strings count UTF-16 code
  // units, and a character outside the BMP (CJK Extension B, common in
  // names of places and people) takes two. unitIndex maps one to the other.
  function unitIndex(text) {
    var idx = [0];
    var u = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { i++; u++; }
      }
      u++;
      idx.push(u);
    }
    return idx;
  }

  function toUnit(idx, cp) {
    if (cp <= 0) { return 0; }
    if (cp >= idx.length) { return idx[idx.length - 1]; }
    return idx[cp];
  }

  // ---- Character diff ----------------------------------------------------
  // diffChars compares a parent's passage with the draft's, character by
  // character (code points), and returns each side as runs of
  // {text, changed}. Common ends are trimmed first; a middle too large for
  // the LCS table is shown as changed whole.
  var MAX_DIFF_CELLS = 4 * 1024 * 1024;

  function diffChars(parentText, draftText) {
    var a = Array.from(parentText);
    var b = Array.from(draftText);
    var pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) { pre++; }
    var suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) { suf++; }
    var am = a.slice(pre, a.length - suf);
    var bm = b.slice(pre, b.length - suf);
    var keepA = new Array(am.length).fill(false);
    var keepB = new Array(bm.length).fill(false);
    var n = am.length, m = bm.length;
    if (n > 0 && m > 0 && n * m <= MAX_DIFF_CELLS) {
      var w = m + 1;
      var t = new Int32Array((n + 1) * w);
      for (var i = n - 1; i >= 0; i--) {
        for (var j = m - 1; j >= 0; j--) {
          t[i * w + j] = am[i] === bm[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
        }
      }
      var x = 0, y = 0;
      while (x < n && y < m) {
        if (am[x] === bm[y]) { keepA[x] = true; keepB[y] = true; x++; y++; }
        else if (t[(x + 1) * w + y] >= t[x * w + y + 1]) { x++; }
        else { y++; }
      }
    }
    function runs(chars, keep) {
      var out = [];
      for (var k = 0; k < chars.length; k++) {
        var changed = k >= pre && k < chars.length - suf && !keep[k - pre];
        var last = out[out.length - 1];
        if (last && last.changed === changed) { last.text += chars[k]; }
        else { out.push({ text: chars[k], changed: changed }); }
      }
      return out;
    }
    return { parent: runs(a, keepA), draft: runs(b, keepB) };
  }

  // ---- Inputs ------------------------------------------------------------
  function setDraft(file) {
    state.draft = file || null;
    $("draft-chosen").hidden = !file;
    $("draft-name").textContent = file ? file.name + "（" + sizeText(file.size) + "）" : "";
    $("draft-text").disabled = !!file;
    if (!file) { $("draft-file").value = ""; }
  }

  function addParents(files) {
    for (var i = 0; i < files.length; i++) { state.parents.push(files[i]); }
    $("parent-file").value = "";
    drawParents();
  }

  function drawParents() {
    var list = $("parent-list");
    list.textContent = "";
    state.parents.forEach(function (f, i) {
      var li = el("li");
      li.appendChild(el("span", "", f.name + "（" + sizeText(f.size) + "）"));
      var rm = el("button", "", "移除");
      rm.type = "button";
      rm.addEventListener("click", function () { state.parents.splice(i, 1); drawParents(); });
      li.appendChild(rm);
      list.appendChild(li);
    });
  }

  function sizeText(n) {
    if (n < 1024) { return n + " 字节"; }
    if (n < 1024 * 1024) { return (n / 1024).toFixed(1) + " KB"; }
    return (n / 1024 / 1024).toFixed(1) + " MB";
  }

  function dropZone(zone, input, onFiles) {
    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("app-over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("app-over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("app-over");
      if (e.dataTransfer && e.dataTransfer.files.length) { onFiles(e.dataTransfer.files); }
    });
    zone.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); }
    });
    input.addEventListener("change", function () { if (input.files.length) { onFiles(input.files); } });
  }

  function setStatus(text, failed) {
    var s = $("status");
    s.textContent = text;
    s.classList.toggle("app-failed", !!failed);
  }

  // buildForm is the request for the draft and parents as they stand, or
  // null when there is no draft.
  function buildForm() {
    var form = new FormData();
    if (state.draft) {
      form.append("draft", state.draft, state.draft.name);
    } else {
      var text = $("draft-text").value;
      if (!text.trim()) { return null; }
      // As a Blob, so that the text goes as it was pasted: a string field
      // would have its line breaks turned into CRLF by the form encoding.
      form.append("text", new Blob([text], { type: "text/plain;charset=utf-8" }), "text.txt");
    }
    state.parents.forEach(function (f) { form.append("parent", f, f.name); });
    return form;
  }

  function submit(e) {
    e.preventDefault();
    var form = buildForm();
    if (!form) { setStatus("请先粘贴文稿，或选择草稿文件。", true); return; }
    state.sent = form;
    $("check-button").disabled = true;
    setStatus("正在检查……");
    fetch("/api/view", { method: "POST", body: form })
      .then(function (resp) {
        return resp.json().then(function (body) {
          if (!resp.ok) { throw new Error(body && body.error ? body.error : "HTTP " + resp.status); }
          return body;
        }, function () { throw new Error("服务器答复无法读取（HTTP " + resp.status + "）"); });
      })
      .then(function (view) {
        draw(view);
        var n = view.report.files[0].findings.length;
        setStatus(n ? "检查完成，发现 " + n + " 处问题。" : "检查完成，未发现问题。");
      })
      .catch(function (err) { setStatus("检查失败：" + err.message, true); })
      .then(function () { $("check-button").disabled = false; });
  }

  // showLibrary says which parent library the server compares every draft
  // with: its name, how many documents, the newest 成文日期.
  function showLibrary(lib) {
    var p = $("library-info");
    if (!p) { return; }
    if (!lib) { p.hidden = true; return; }
    p.textContent = "本服务同时与上级文件库“" + lib.name + "”比对：共 " + lib.documents + " 份文件" +
      (lib.newest ? "，最新成文日期 " + lib.newest : "") + "。";
    p.hidden = false;
  }

  function loadLibrary() {
    fetch("/api/library")
      .then(function (resp) { return resp.ok ? resp.json() : null; })
      .then(function (body) { showLibrary(body && body.library); })
      .catch(function () { /* an older server: nothing to show */ });
  }

  // ---- Drawing the result -------------------------------------------------
  function draw(view) {
    if (view.library) { showLibrary(view.library); }
    state.view = view;
    state.report = view.report;
    state.accepted = {};
    state.ignored = {};
    closePopup();
    var file = view.report.files[0];
    $("result").hidden = false;
    $("result-path").textContent = file.path;
    var title = $("result-title");
    title.textContent = file.title || "（未识别出标题）";
    if (file.kind) { title.appendChild(document.createTextNode(" ")); title.appendChild(el("span", "gw-kind", file.kind)); }
    drawSummary(view, file);
    drawDraft(view, file);
    drawFindings(view, file);
    drawPassages(view);
    $("result").scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function meter(cls, fraction) {
    var m = el("div", "gw-meter" + (cls ? " " + cls : ""));
    var fill = el("span");
    fill.style.width = Math.max(0, Math.min(100, fraction * 100)) + "%";
    m.appendChild(fill);
    return m;
  }

  function card(title) {
    var c = el("div", "gw-card");
    c.appendChild(el("h3", "", title));
    return c;
  }

  function drawSummary(view, file) {
    var box = $("summary");
    box.textContent = "";

    var chars = card("字数");
    chars.id = "chars-card";
    var fig = el("p", "gw-figure");
    fig.appendChild(el("strong", "", file.chars));
    if (view.cap > 0) {
      var over = file.chars > view.cap;
      if (over) { fig.classList.add("gw-over"); }
      fig.appendChild(document.createTextNode(" / " + view.cap + " 字"));
      chars.appendChild(fig);
      chars.appendChild(meter(over ? "gw-over" : "", file.chars / view.cap));
      chars.appendChild(el("p", "gw-note", "上限依据：" + view.cap_reason + (over ? "；超出 " + (file.chars - view.cap) + " 字" : "")));
    } else {
      fig.appendChild(document.createTextNode(" 字"));
      chars.appendChild(fig);
      chars.appendChild(el("p", "gw-note", "不设上限：" + view.cap_reason));
    }
    box.appendChild(chars);

    if (file.copy) {
      var copy = card("复制比");
      copy.id = "copy-card";
      var cf = el("p", "gw-figure");
      cf.appendChild(el("strong", "", pct(file.copy.ratio) + "%"));
      cf.appendChild(document.createTextNode(" 的字数来自上级文件"));
      copy.appendChild(cf);
      copy.appendChild(meter("gw-copy", file.copy.ratio));
      file.copy.parents.forEach(function (p) {
        var d = el("div", "gw-parent");
        var name = el("p", "gw-parent-name", p.title || p.path);
        name.title = p.path;
        d.appendChild(name);
        d.appendChild(barRow("占本文", "gw-copy", p.ratio));
        d.appendChild(barRow("覆盖上级文件", "gw-cover", p.coverage));
        copy.appendChild(d);
      });
      box.appendChild(copy);
    }

    var counts = { error: 0, warning: 0, info: 0 };
    file.findings.forEach(function (f) { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    var cc = card("问题");
    var p = el("p", "gw-figure");
    ["error", "warning", "info"].forEach(function (s) {
      p.appendChild(el("span", "gw-count sev-" + s, SEVERITY_LABEL[s] + " " + counts[s]));
      p.appendChild(document.createTextNode(" "));
    });
    cc.appendChild(p);
    box.appendChild(cc);
  }

  function barRow(label, cls, v) {
    var row = el("div", "gw-bar-row");
    row.appendChild(el("span", "gw-bar-label", label));
    row.appendChild(meter(cls, v));
    row.appendChild(el("span", "gw-bar-value", pct(v) + "%"));
    return row;
  }

  // drawDraft cuts the text at every finding's start and end, so that each
  // piece is covered by one set of findings and overlapping findings never
  // nest elements. Findings about the whole draft only leave an anchor.
  function drawDraft(view, file) {
    var box = $("draft-view");
    box.textContent = "";
    var text = view.text;
    var idx = unitIndex(text);
    var n = idx.length - 1;
    var wide = {};
    view.document_wide.forEach(function (i) { wide[i] = true; });
    var spans = file.findings.map(function (f, i) {
      var a = Math.max(0, Math.min(f.offset, n));
      var b = Math.max(a, Math.min(f.end_offset, n));
      return { i: i, a: a, b: b, f: f, wide: !!wide[i] };
    });
    var cutSet = {};
    cutSet[0] = true;
    cutSet[n] = true;
    spans.forEach(function (s) { cutSet[s.a] = true; if (!s.wide) { cutSet[s.b] = true; } });
    // Passages no finding reports still need a place to scroll to.
    var loose = [];
    view.passages.forEach(function (p, k) {
      if (p.finding < 0) {
        var at = Math.max(0, Math.min(p.offset, n));
        loose.push({ k: k, a: at });
        cutSet[at] = true;
      }
    });
    var cuts = Object.keys(cutSet).map(Number).sort(function (x, y) { return x - y; });
    var frag = document.createDocumentFragment();
    cuts.forEach(function (a, k) {
      var b = k + 1 < cuts.length ? cuts[k + 1] : a;
      spans.forEach(function (s) {
        if (s.a !== a) { return; }
        var anchor = el("span", "gw-anchor");
        anchor.id = "finding-" + s.i;
        frag.appendChild(anchor);
        if (!s.wide && s.a === s.b) {
          var point = el("mark", "gw-mark gw-point");
          point.dataset.f = String(s.i);
          point.tabIndex = 0;
          point.setAttribute("aria-label", s.f.message);
          frag.appendChild(point);
        }
      });
      loose.forEach(function (p) {
        if (p.a === a) {
          var anchor = el("span", "gw-anchor");
          anchor.id = "passage-anchor-" + p.k;
          frag.appendChild(anchor);
        }
      });
      if (a >= b) { return; }
      var piece = text.slice(toUnit(idx, a), toUnit(idx, b));
      var covering = spans.filter(function (s) { return !s.wide && s.a < s.b && s.a <= a && b <= s.b; });
      if (!covering.length) { frag.appendChild(document.createTextNode(piece)); return; }
      var sev = 0, copied = false;
      covering.forEach(function (s) {
        if (s.f.rule === "copy-passage") { copied = true; } else { sev = Math.max(sev, SEVERITY_RANK[s.f.severity] || 1); }
      });
      var cls = "gw-mark";
      if (sev) { cls += " sev-" + ["", "info", "warning", "error"][sev]; }
      if (copied) { cls += " copied"; }
      var mark = el("mark", cls, piece);
      mark.dataset.f = covering.map(function (s) { return s.i; }).join(" ");
      mark.tabIndex = 0;
      frag.appendChild(mark);
    });
    box.appendChild(frag);
  }

  function placeOf(f) { return "第" + f.line + "行第" + f.column + "列"; }

  function drawFindings(view, file) {
    var list = $("finding-list");
    list.textContent = "";
    $("no-findings").hidden = file.findings.length > 0;
    list.hidden = file.findings.length === 0;
    var kinds = {};
    file.findings.forEach(function (f) { kinds[kindOf(f.rule)] = true; });
    var select = $("show-kind");
    var chosen = select.value;
    select.textContent = "";
    select.appendChild(new Option("全部类别", ""));
    KINDS.map(function (k) { return k[0]; }).concat(["其他"]).forEach(function (k) {
      if (kinds[k]) { select.appendChild(new Option(k, k)); }
    });
    select.value = kinds[chosen] ? chosen : "";
    var grouped = $("group-para").checked;
    var line = -1;
    file.findings.forEach(function (f, i) {
      if (grouped && f.line !== line) {
        line = f.line;
        var head = el("li", "app-group-head", "第" + f.line + "行");
        head.setAttribute("role", "presentation");
        head.dataset.line = String(f.line);
        list.appendChild(head);
      }
      var li = el("li", "gw-finding");
      li.id = "li-finding-" + i;
      li.tabIndex = 0;
      li.dataset.i = String(i);
      li.dataset.sev = f.severity;
      li.dataset.kind = kindOf(f.rule);
      li.dataset.line = String(f.line);
      li.appendChild(el("span", "gw-loc", placeOf(f)));
      li.appendChild(el("span", "gw-sev sev-" + f.severity, SEVERITY_LABEL[f.severity] || f.severity));
      if (f.rule_name) { li.appendChild(el("span", "gw-rule-name", f.rule_name)); }
      li.appendChild(el("code", "gw-rule", f.rule));
      li.appendChild(el("span", "gw-msg", f.message));
      li.appendChild(el("span", "gw-source", "依据：" + f.source));
      if (f.fix) { li.appendChild(el("span", "gw-fix", f.fix.text ? "建议改为“" + f.fix.text + "”" : "建议删除")); }
      var acts = el("span", "app-acts");
      if (f.fix) { acts.appendChild(actButton("accept", i)); }
      acts.appendChild(actButton("ignore", i));
      li.appendChild(acts);
      list.appendChild(li);
      markDecision(i);
    });
    applyFilter();
  }

  function actButton(act, i) {
    var b = el("button", "app-small");
    b.type = "button";
    b.dataset.act = act;
    b.dataset.i = String(i);
    return b;
  }

  // markDecision shows whether finding i is accepted or ignored, on its
  // item and its buttons.
  function markDecision(i) {
    var li = $("li-finding-" + i);
    if (!li) { return; }
    li.classList.toggle("gw-accepted", !!state.accepted[i]);
    li.classList.toggle("gw-ignored", !!state.ignored[i]);
    li.querySelectorAll("button[data-act]").forEach(function (b) {
      if (b.dataset.act === "accept") {
        b.textContent = state.accepted[i] ? "撤销采纳" : "采纳修改";
        b.setAttribute("aria-pressed", state.accepted[i] ? "true" : "false");
      } else {
        b.textContent = state.ignored[i] ? "恢复" : "忽略";
        b.setAttribute("aria-pressed", state.ignored[i] ? "true" : "false");
      }
    });
  }

  function decide(act, i) {
    if (act === "accept") {
      state.accepted[i] = !state.accepted[i];
      if (state.accepted[i]) { delete state.ignored[i]; }
    } else {
      state.ignored[i] = !state.ignored[i];
      if (state.ignored[i]) { delete state.accepted[i]; }
    }
    markDecision(i);
    countFindings();
  }

  // applyFilter shows the findings of the chosen severities and kind.
  function applyFilter() {
    var show = { error: $("show-error").checked, warning: $("show-warning").checked, info: $("show-info").checked };
    var kind = $("show-kind").value;
    var lines = {};
    document.querySelectorAll("#finding-list .gw-finding").forEach(function (li) {
      li.hidden = !show[li.dataset.sev] || (kind !== "" && li.dataset.kind !== kind);
      if (!li.hidden) { lines[li.dataset.line] = true; }
    });
    document.querySelectorAll("#finding-list .app-group-head").forEach(function (h) { h.hidden = !lines[h.dataset.line]; });
    countFindings();
  }

  function countFindings() {
    var all = document.querySelectorAll("#finding-list .gw-finding");
    if (!all.length) { $("finding-count").textContent = ""; return; }
    var shown = 0;
    all.forEach(function (li) { if (!li.hidden) { shown++; } });
    var text = "共 " + all.length + " 处";
    if (shown !== all.length) { text += "，显示 " + shown + " 处"; }
    var a = Object.keys(state.accepted).filter(function (k) { return state.accepted[k]; }).length;
    var g = Object.keys(state.ignored).filter(function (k) { return state.ignored[k]; }).length;
    if (a) { text += "，已采纳 " + a + " 处"; }
    if (g) { text += "，已忽略 " + g + " 处"; }
    $("finding-count").textContent = text;
  }

  // ---- What the reviewer takes away --------------------------------------
  function baseName() {
    return state.report.files[0].path.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "文稿";
  }

  // save offers a file for download, and keeps its link in #download-link
  // for a minute, so the last download can be opened again.
  function save(name, blob) {
    var a = $("download-link");
    if (a.href) { URL.revokeObjectURL(a.href); }
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.textContent = name;
    a.click();
  }

  // correctedText is the draft with the accepted fixes applied, later ones
  // first, one that overlaps a fix already applied left out.
  function correctedText() {
    var cps = Array.from(state.view.text);
    var fixes = [];
    state.report.files[0].findings.forEach(function (f, i) {
      if (f.fix && state.accepted[i] && !state.ignored[i]) { fixes.push(f.fix); }
    });
    fixes.sort(function (x, y) { return y.offset - x.offset; });
    var floor = Infinity;
    fixes.forEach(function (fx) {
      if (fx.end_offset > floor) { return; }
      cps.splice(fx.offset, fx.end_offset - fx.offset, fx.text);
      floor = fx.offset;
    });
    return cps.join("");
  }

  function downloadText() {
    if (!state.report) { return; }
    save(baseName() + "-修改后.txt", new Blob([correctedText()], { type: "text/plain;charset=utf-8" }));
  }

  function ignoredKeys() {
    var out = [];
    state.report.files[0].findings.forEach(function (f, i) {
      if (state.ignored[i]) { out.push({ f: f, key: f.rule + "@" + f.offset }); }
    });
    return out;
  }

  // downloadIgnored lists the findings set aside, with the inline
  // suppression that keeps each out of later checks of a Markdown draft.
  function downloadIgnored() {
    if (!state.report) { return; }
    var lines = ["# " + state.report.files[0].path + " 中忽略的问题", "# 在 Markdown 文稿中，把注释放在该行之前，以后的检查即不再报告；其他格式的文稿可在 .gwlint.yaml 的 rules 中关闭整条规则。", ""];
    ignoredKeys().forEach(function (x) {
      lines.push("第" + x.f.line + "行第" + x.f.column + "列 " + x.f.rule + "：" + x.f.message);
      lines.push("<!-- gwlint-disable-next-line " + x.f.rule + " -->");
      lines.push("");
    });
    save(baseName() + "-忽略项.txt", new Blob([lines.join("\n")], { type: "text/plain;charset=utf-8" }));
  }

  function downloadDocx() {
    if (!state.report || !state.sent) { return; }
    var form = new FormData();
    state.sent.forEach(function (v, k) { form.append(k, v); });
    ignoredKeys().forEach(function (x) { form.append("ignore", x.key); });
    setStatus("正在生成批注版 Word……");
    fetch("/api/docx", { method: "POST", body: form })
      .then(function (resp) {
        if (!resp.ok) {
          return resp.json().then(function (body) { throw new Error(body && body.error ? body.error : "HTTP " + resp.status); });
        }
        return resp.blob();
      })
      .then(function (blob) { save(baseName() + "-审核意见.docx", blob); setStatus("批注版 Word 已生成。"); })
      .catch(function (err) { setStatus("生成批注版 Word 失败：" + err.message, true); });
  }

  function drawPassages(view) {
    var box = $("passages");
    box.textContent = "";
    $("passages-box").hidden = view.passages.length === 0;
    var idx = unitIndex(view.text);
    var findings = view.report.files[0].findings;
    view.passages.forEach(function (p, k) {
      var draftText = view.text.slice(toUnit(idx, p.offset), toUnit(idx, p.end_offset));
      var d = diffChars(p.parent_text, draftText);
      var row = el("div", "gw-passage");
      row.id = "passage-" + k;
      var left = el("div", "gw-side");
      var head = el("p", "gw-side-head");
      var link = el("a", "", "本文 " + placeOf(p));
      link.href = "#";
      link.addEventListener("click", function (e) {
        e.preventDefault();
        if (p.finding >= 0) { selectFinding(p.finding, true); } else { scrollDraftTo($("passage-anchor-" + k)); }
      });
      head.appendChild(link);
      left.appendChild(head);
      left.appendChild(pieces(d.draft, "ins"));
      var right = el("div", "gw-side");
      right.appendChild(el("p", "gw-side-head", p.parent + " 第" + p.parent_line + "行第" + p.parent_column + "列"));
      right.appendChild(pieces(d.parent, "del"));
      row.appendChild(left);
      row.appendChild(right);
      box.appendChild(row);
    });
  }

  function pieces(runs, tag) {
    var p = el("p", "gw-side-text");
    runs.forEach(function (r) {
      p.appendChild(r.changed ? el(tag, "", r.text) : document.createTextNode(r.text));
    });
    return p;
  }

  // ---- Selection and the popup --------------------------------------------
  function clearActive() {
    document.querySelectorAll(".gw-active").forEach(function (e) { e.classList.remove("gw-active"); });
  }

  function marksOf(i) {
    return Array.prototype.filter.call(document.querySelectorAll("#draft-view .gw-mark"), function (m) {
      return m.dataset.f.split(" ").indexOf(String(i)) >= 0;
    });
  }

  // selectFinding highlights finding i in the list and in the text and
  // scrolls the draft to it.
  function selectFinding(i, scrollText) {
    clearActive();
    var li = $("li-finding-" + i);
    if (li) { li.classList.add("gw-active"); }
    marksOf(i).forEach(function (m) { m.classList.add("gw-active"); });
    if (scrollText) { scrollDraftTo($("finding-" + i)); }
  }

  // scrollDraftTo scrolls the draft view so that anchor shows in its upper
  // third, and the page so that the draft view shows.
  function scrollDraftTo(anchor) {
    if (!anchor) { return; }
    var view = $("draft-view");
    var top = anchor.getBoundingClientRect().top - view.getBoundingClientRect().top + view.scrollTop;
    view.scrollTo({ top: Math.max(0, top - view.clientHeight / 3), behavior: "smooth" });
    var r = view.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) { view.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  }

  function openPopup(mark) {
    var ids = mark.dataset.f.split(" ").map(Number);
    var file = state.report.files[0];
    var body = $("popup-body");
    body.textContent = "";
    clearActive();
    mark.classList.add("gw-active");
    ids.forEach(function (i) {
      var f = file.findings[i];
      var item = el("div", "gw-popup-item");
      var head = el("p", "");
      head.appendChild(el("span", "gw-sev sev-" + f.severity, SEVERITY_LABEL[f.severity] || f.severity));
      if (f.rule_name) { head.appendChild(el("span", "gw-rule-name", f.rule_name)); }
      head.appendChild(el("code", "gw-rule", f.rule));
      head.appendChild(el("span", "gw-loc", placeOf(f)));
      item.appendChild(head);
      item.appendChild(el("span", "gw-msg", f.message));
      item.appendChild(el("span", "gw-source", "依据：" + f.source));
      var rule = state.view.rules[f.rule];
      if (rule && rule.doc) { item.appendChild(el("span", "gw-rule-doc", "规则：" + rule.doc)); }
      if (f.fix) { item.appendChild(el("span", "gw-fix", f.fix.text ? "建议改为“" + f.fix.text + "”" : "建议删除")); }
      body.appendChild(item);
      var li = $("li-finding-" + i);
      if (li) {
        li.classList.add("gw-active");
        var list = $("finding-list");
        list.scrollTo({ top: li.offsetTop - list.offsetTop - 8, behavior: "smooth" });
      }
    });
    var popup = $("popup");
    popup.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = popup.offsetWidth;
    var left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 12);
    popup.style.left = Math.max(8, left) + "px";
    popup.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function closePopup() {
    $("popup").hidden = true;
  }

  function download() {
    if (!state.report) { return; }
    var blob = new Blob([JSON.stringify(state.report, null, 2) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    var base = state.report.files[0].path.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "draft";
    a.download = base + ".gwlint.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  function init() {
    dropZone($("draft-drop"), $("draft-file"), function (files) { setDraft(files[0]); });
    dropZone($("parent-drop"), $("parent-file"), addParents);
    $("draft-clear").addEventListener("click", function () { setDraft(null); });
    $("check-form").addEventListener("submit", submit);
    loadLibrary();
    $("download-json").addEventListener("click", download);
    $("download-text").addEventListener("click", downloadText);
    $("download-docx").addEventListener("click", downloadDocx);
    $("download-ignored").addEventListener("click", downloadIgnored);
    ["show-error", "show-warning", "show-info", "show-kind"].forEach(function (id) { $(id).addEventListener("change", applyFilter); });
    $("group-para").addEventListener("change", function () { if (state.view) { drawFindings(state.view, state.report.files[0]); } });
    $("popup-close").addEventListener("click", closePopup);
    // A file dropped beside the drop zones would make the browser leave
    // the page to show it.
    window.addEventListener("dragover", function (e) { e.preventDefault(); });
    window.addEventListener("drop", function (e) { e.preventDefault(); });
    $("draft-view").addEventListener("click", function (e) {
      var mark = e.target.closest(".gw-mark");
      if (mark) { e.stopPropagation(); openPopup(mark); }
    });
    $("draft-view").addEventListener("keydown", function (e) {
      var mark = e.target.closest && e.target.closest(".gw-mark");
      if (mark && e.key === "Enter") { e.preventDefault(); openPopup(mark); }
    });
    $("finding-list").addEventListener("click", function (e) {
      var act = e.target.closest("button[data-act]");
      if (act) { decide(act.dataset.act, Number(act.dataset.i)); return; }
      var li = e.target.closest(".gw-finding");
      if (li) { closePopup(); selectFinding(Number(li.dataset.i), true); }
    });
    $("finding-list").addEventListener("keydown", function (e) {
      if (e.target.closest && e.target.closest("button")) { return; }
      var li = e.target.closest && e.target.closest(".gw-finding");
      if (li && e.key === "Enter") { closePopup(); selectFinding(Number(li.dataset.i), true); }
    });
    document.addEventListener("click", function (e) {
      if (!$("popup").hidden && !e.target.closest("#popup")) { closePopup(); }
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { closePopup(); } });
  }

  // Exposed for tests in a browser: the offset conversion and the diff.
  window.gwlint = { unitIndex: unitIndex, diffChars: diffChars };

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
