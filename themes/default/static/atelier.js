/*
 * Atelier default theme: small improvements on pages that work without it.
 * - infinite scroll: a "Load more" link (a[data-load-more]) fetches the next page as it comes
 *   into view and appends its items ([data-feed-items]);
 * - forms with data-confirm ask before submitting;
 * - the compose form uploads images as soon as they are chosen, with progress, then offers a
 *   crop tool (square thumbnail, wide cover) and alt text per image, saved before the post is.
 * No dependencies, no inline code (the Content-Security-Policy forbids it).
 */
(function () {
  "use strict";

  function csrfOf(scope) {
    var field = scope && scope.querySelector("input[name=_csrf]");
    return field ? field.value : "";
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "class") { node.className = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* ---------- infinite scroll ---------- */

  function loadMore(link) {
    if (link.dataset.loading) { return; }
    link.dataset.loading = "1";
    link.textContent = "Loading…";
    fetch(link.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var incoming = doc.querySelector("[data-feed-items]");
        var list = document.querySelector("[data-feed-items]");
        if (incoming && list) {
          Array.prototype.slice.call(incoming.children).forEach(function (item) {
            list.appendChild(document.adoptNode(item));
          });
        }
        var next = doc.querySelector("[data-load-more]");
        var holder = link.closest(".load-more") || link;
        if (next) {
          link.href = next.href;
          link.textContent = "Load more";
          delete link.dataset.loading;
        } else {
          holder.remove();
        }
      })
      .catch(function () {
        link.textContent = "Load more (retry)";
        delete link.dataset.loading;
      });
  }

  function setUpInfiniteScroll() {
    var link = document.querySelector("[data-load-more]");
    if (!link || !("IntersectionObserver" in window)) { return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var current = document.querySelector("[data-load-more]");
        if (entry.isIntersecting && current) { loadMore(current); }
      });
    }, { rootMargin: "600px 0px" });
    observer.observe(link.closest(".load-more") || link);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      loadMore(link);
    });
  }

  /* ---------- confirmations ---------- */

  function setUpConfirmations() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  }

  /* ---------- crop tool ---------- */

  /*
   * A rectangle of a fixed aspect over an image, moved by dragging or the arrow keys and resized
   * by its corner handle or Shift+arrows. Its position is kept as fractions of the image (what
   * the media API takes), so the image's displayed size does not matter.
   */
  function CropTool(container, imageUrl, aspect, initial, onChange) {
    var self = this;
    this.aspect = aspect;
    this.onChange = onChange;
    this.frame = el("div", { "class": "crop-frame" });
    this.image = el("img", { src: imageUrl, alt: "", draggable: "false" });
    this.box = el("div", { "class": "crop-box", tabindex: "0", role: "slider",
      "aria-label": "Crop area: arrow keys move it, Shift and arrow keys resize it" });
    this.handle = el("span", { "class": "crop-handle", "aria-hidden": "true" });
    this.box.appendChild(this.handle);
    this.frame.appendChild(this.image);
    this.frame.appendChild(this.box);
    container.appendChild(this.frame);
    this.rect = initial;
    this.image.addEventListener("load", function () {
      self.natural = { w: self.image.naturalWidth, h: self.image.naturalHeight };
      if (!self.rect) { self.rect = self.largestCentred(); }
      self.render();
    });
    this.bindPointer();
    this.box.addEventListener("keydown", function (event) { self.key(event); });
  }

  CropTool.prototype.largestCentred = function () {
    var n = this.natural;
    // the rectangle's width and height as fractions, with the aspect measured in pixels
    var w = 1, h = (n.w / this.aspect) / n.h;
    if (h > 1) { h = 1; w = (n.h * this.aspect) / n.w; }
    return { x: (1 - w) / 2, y: (1 - h) / 2, w: w, h: h };
  };

  CropTool.prototype.setAspect = function (aspect, rect) {
    this.aspect = aspect;
    this.rect = rect || (this.natural ? this.largestCentred() : null);
    if (this.natural) { this.render(); }
  };

  CropTool.prototype.clamp = function (r) {
    var n = this.natural;
    var minW = Math.min(1, 48 / n.w);
    var w = Math.max(minW, Math.min(r.w, 1));
    var h = (w * n.w / this.aspect) / n.h;
    if (h > 1) { h = 1; w = (n.h * this.aspect) / n.w; }
    return { x: Math.max(0, Math.min(r.x, 1 - w)), y: Math.max(0, Math.min(r.y, 1 - h)), w: w, h: h };
  };

  CropTool.prototype.render = function () {
    this.rect = this.clamp(this.rect);
    var s = this.box.style;
    s.left = (this.rect.x * 100) + "%";
    s.top = (this.rect.y * 100) + "%";
    s.width = (this.rect.w * 100) + "%";
    s.height = (this.rect.h * 100) + "%";
    this.box.setAttribute("aria-valuetext", "x " + Math.round(this.rect.x * 100) + "%, y "
      + Math.round(this.rect.y * 100) + "%, width " + Math.round(this.rect.w * 100) + "%");
    this.onChange(this.rect);
  };

  CropTool.prototype.bindPointer = function () {
    var self = this, start = null;
    function down(event) {
      if (!self.natural) { return; }
      event.preventDefault();
      var bounds = self.frame.getBoundingClientRect();
      start = { px: event.clientX, py: event.clientY, rect: Object.assign({}, self.rect), bounds: bounds,
        resize: event.target === self.handle };
      self.box.setPointerCapture(event.pointerId);
      self.box.focus();
    }
    function move(event) {
      if (!start) { return; }
      var dx = (event.clientX - start.px) / start.bounds.width;
      var dy = (event.clientY - start.py) / start.bounds.height;
      if (start.resize) {
        self.rect = { x: start.rect.x, y: start.rect.y, w: start.rect.w + dx, h: start.rect.h };
      } else {
        self.rect = { x: start.rect.x + dx, y: start.rect.y + dy, w: start.rect.w, h: start.rect.h };
      }
      self.render();
    }
    function up() { start = null; }
    this.box.addEventListener("pointerdown", down);
    this.box.addEventListener("pointermove", move);
    this.box.addEventListener("pointerup", up);
    this.box.addEventListener("pointercancel", up);
  };

  CropTool.prototype.key = function (event) {
    var step = 0.02, r = Object.assign({}, this.rect);
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    var m = moves[event.key];
    if (!m) { return; }
    event.preventDefault();
    if (event.shiftKey) {
      r.w += (m[0] || -m[1]);
    } else {
      r.x += m[0];
      r.y += m[1];
    }
    this.rect = r;
    this.render();
  };

  function cropText(r) {
    function f(v) { return Math.max(0, Math.min(1, v)).toFixed(5); }
    return [f(r.x), f(r.y), f(Math.min(r.w, 1 - r.x)), f(Math.min(r.h, 1 - r.y))].join(",");
  }

  /* ---------- compose: uploads with progress, crop and alt text ---------- */

  function waitUntilReady(id, status) {
    return new Promise(function (resolve, reject) {
      function poll() {
        fetch("/api/v1/media/" + encodeURIComponent(id), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (media) {
            var state = media.state || "ready";
            if (state === "ready") { resolve(media); return; }
            if (state === "failed") { reject(new Error(media.error || "The image could not be processed.")); return; }
            status.textContent = "Processing… " + (media.progress || 0) + "%";
            setTimeout(poll, 400);
          })
          .catch(reject);
      }
      poll();
    });
  }

  function displayUrl(media) {
    var names = Object.keys(media.renditions || {}).filter(function (n) { return n.indexOf("display-") === 0; });
    names.sort(function (a, b) { return media.renditions[a].width - media.renditions[b].width; });
    var pick = names.filter(function (n) { return media.renditions[n].width <= 1280; }).pop() || names[0];
    return pick ? media.renditions[pick].url : "/media/" + media.id + "/thumbnail";
  }

  function uploadItem(form, list, file) {
    var item = el("li", { "class": "upload-item" });
    var name = el("span", { "class": "upload-name" }, file.name);
    var progress = el("progress", { max: "100", value: "0", "aria-label": "Uploading " + file.name });
    var status = el("span", { "class": "upload-status", role: "status" }, "Uploading…");
    item.appendChild(name);
    item.appendChild(progress);
    item.appendChild(status);
    list.appendChild(item);

    var done = new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/v1/media");
      xhr.setRequestHeader("X-CSRF-Token", csrfOf(form));
      xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) {
          var percent = Math.round(event.loaded * 100 / event.total);
          progress.value = percent;
          status.textContent = "Uploading… " + percent + "%";
        }
      });
      xhr.addEventListener("load", function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
        if (xhr.status === 201 || xhr.status === 202) { resolve(body); } else {
          reject(new Error(body.error || ("Upload failed (" + xhr.status + ").")));
        }
      });
      xhr.addEventListener("error", function () { reject(new Error("The upload was interrupted.")); });
      xhr.send(file);
    }).then(function (media) {
      progress.value = 100;
      return waitUntilReady(media.id, status);
    }).then(function (media) {
      item.classList.add("is-done");
      status.textContent = "Uploaded";
      progress.remove();
      var hidden = el("input", { type: "hidden", name: "media", value: media.id });
      item.appendChild(hidden);
      item.dataset.mediaId = media.id;
      var altId = "alt-" + media.id;
      var altLabel = el("label", { "for": altId }, "Alt text for " + file.name);
      var alt = el("textarea", { id: altId, rows: "2", maxlength: "1500", "class": "upload-alt",
        "data-alt-for": media.id });
      item.appendChild(altLabel);
      item.appendChild(alt);
      addCropper(item, media, ["thumbnail", "cover"]);
      return media;
    }).catch(function (error) {
      item.classList.add("is-failed");
      progress.remove();
      status.textContent = error.message;
      status.setAttribute("role", "alert");
      throw error;
    });
    item.uploadDone = done;
    return done;
  }

  /*
   * The crop tool for one image, with a button per crop the image has here (the post's square
   * thumbnail and wide cover; an avatar only the square, a banner only the wide one). The chosen
   * rectangles are kept on the item as data-thumbnail-crop / data-cover-crop.
   */
  function addCropper(item, media, modes) {
    var tools = el("div", { "class": "crop-tools" });
    var group = el("div", { "class": "crop-modes", role: "group", "aria-label": "Which crop" });
    var labels = { thumbnail: "Thumbnail (square)", cover: "Cover (wide)" };
    var aspects = { thumbnail: 1, cover: 16 / 9 };
    var buttons = {};
    modes.forEach(function (name, i) {
      buttons[name] = el("button", { type: "button", "class": "button-small" + (i ? " button-quiet" : ""),
        "aria-pressed": String(i === 0) }, labels[name]);
      group.appendChild(buttons[name]);
    });
    tools.appendChild(group);
    item.appendChild(tools);
    var crops = {};
    var mode = modes[0];
    var tool = new CropTool(tools, displayUrl(media), aspects[mode], null, function (rect) {
      crops[mode] = rect;
      item.dataset[mode + "Crop"] = cropText(rect);
    });
    // the default crops are the server's (around the focal point); only crops the artist touched are sent
    modes.forEach(function (name) {
      buttons[name].addEventListener("click", function () {
        mode = name;
        modes.forEach(function (other) {
          buttons[other].setAttribute("aria-pressed", String(other === name));
          buttons[other].classList.toggle("button-quiet", other !== name);
        });
        tool.setAspect(aspects[name], crops[name]);
      });
    });
    tool.box.addEventListener("pointerdown", function () { item.dataset.touched = "1"; });
    tool.box.addEventListener("keydown", function () { item.dataset.touched = "1"; });
    return tools;
  }

  function imageDetails(item) {
    var body = {};
    var alt = item.querySelector("[data-alt-for]");
    if (alt && alt.value.trim()) { body.alt = alt.value.trim(); }
    if (item.dataset.touched) {
      if (item.dataset.thumbnailCrop) { body.thumbnailCrop = item.dataset.thumbnailCrop; }
      if (item.dataset.coverCrop) { body.coverCrop = item.dataset.coverCrop; }
    }
    return body;
  }

  function patchMedia(id, body, csrf) {
    return fetch("/api/v1/media/" + encodeURIComponent(id), {
      method: "PATCH", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (b) { throw new Error(b.error || "Could not save the image details."); });
      }
      return response.json();
    });
  }

  /* A "Crop" button beside an image already stored (a post being edited, an avatar, a banner). */
  function setUpCropButtons() {
    document.querySelectorAll("[data-crop-existing]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var item = button.closest("[data-media-id]");
        var form = button.closest("form");
        button.disabled = true;
        fetch("/api/v1/media/" + encodeURIComponent(item.dataset.mediaId), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (media) {
            var modes = (button.getAttribute("data-crop-modes") || "thumbnail cover").split(" ");
            var tools = addCropper(item, media, modes);
            if (form && form.matches("[data-compose]")) { return; }
            // outside the compose form the crop is saved on its own
            var save = el("button", { type: "button", "class": "button-small" }, "Save crop");
            var status = el("span", { role: "status", "class": "hint" });
            tools.appendChild(save);
            tools.appendChild(status);
            save.addEventListener("click", function () {
              patchMedia(item.dataset.mediaId, imageDetails(item), csrfOf(form || document))
                .then(function () { status.textContent = "Saved: the new crop is being rendered."; })
                .catch(function (error) { status.textContent = error.message; });
            });
          });
      });
    });
  }

  function saveImageDetails(form) {
    var saves = [];
    form.querySelectorAll(".upload-item[data-media-id], .image-editor-item[data-media-id]").forEach(function (item) {
      var body = imageDetails(item);
      if (Object.keys(body).length > 0) { saves.push(patchMedia(item.dataset.mediaId, body, csrfOf(form))); }
    });
    return Promise.all(saves);
  }

  function setUpCompose() {
    var form = document.querySelector("form[data-compose]");
    if (!form) { return; }
    var input = form.querySelector("[data-image-input]");
    var list = form.querySelector("[data-upload-list]");
    form.querySelectorAll("[data-no-js-only]").forEach(function (node) { node.hidden = true; });
    var pending = [];
    input.addEventListener("change", function () {
      Array.prototype.slice.call(input.files).forEach(function (file) {
        pending.push(uploadItem(form, list, file).catch(function () { return null; }));
      });
      // the files are on their way through the API; the form must not send them again
      input.value = "";
    });
    var submitter = null;
    form.addEventListener("click", function (event) {
      if (event.target.matches("button[type=submit]")) { submitter = event.target; }
    });
    form.addEventListener("submit", function (event) {
      if (form.dataset.ready) { return; }
      event.preventDefault();
      var buttons = form.querySelectorAll("button[type=submit]");
      buttons.forEach(function (b) { b.disabled = true; });
      var note = form.querySelector(".compose-status") || el("p", { "class": "compose-status", role: "status" });
      note.textContent = "Finishing uploads…";
      form.querySelector(".form-actions").appendChild(note);
      Promise.all(pending).then(function () {
        note.textContent = "Saving image details…";
        return saveImageDetails(form);
      }).then(function () {
        form.dataset.ready = "1";
        if (submitter) {
          var action = el("input", { type: "hidden", name: submitter.name, value: submitter.value });
          form.appendChild(action);
        }
        buttons.forEach(function (b) { b.disabled = false; });
        form.submit();
      }).catch(function (error) {
        note.textContent = error.message;
        note.setAttribute("role", "alert");
        buttons.forEach(function (b) { b.disabled = false; });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpInfiniteScroll();
    setUpConfirmations();
    setUpCompose();
    setUpCropButtons();
  });
}());
