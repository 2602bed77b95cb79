import type { NodeViewRenderer } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { IMAGE_HASH_PATTERN } from "@/lib/images/image-file-name";
import { imageSources } from "@/lib/images/image-sources";
import { sessionImagesPath } from "@/lib/images/session-images-path";
import type { PhotoQueue } from "./photo-queue";

const PLACEHOLDER = /^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/;

/**
 * How a photo block looks and is edited in the editor (plain DOM, no React:
 * a remote edit re-renders nothing but the fields it changed).
 *
 * - The picture: this device's own file (an object URL) while it has it, else
 *   the served variants (srcset), over the blurred placeholder; a co-editor's
 *   photo still on its way shows a box of its size saying so.
 * - Alt text and caption are inputs in place: each keystroke sets the node's
 *   attribute, which syncs like any edit. An input being typed in is never
 *   overwritten by the remote copy of its own value.
 */
export function photoNodeView(queue: PhotoQueue, sessionId: string): NodeViewRenderer {
  return ({ node: initial, view, getPos, editor }) => {
    let node: ProseMirrorNode = initial;
    const dom = document.createElement("figure");
    dom.className = "notes-photo";
    dom.contentEditable = "false";
    dom.dataset.type = "image";
    const frame = document.createElement("div");
    frame.className = "notes-photo-frame";
    const img = document.createElement("img");
    img.decoding = "async";
    const status = document.createElement("p");
    status.className = "notes-photo-status";
    status.setAttribute("role", "status");
    const alt = field(
      "Alt text: what the photo shows",
      "Describe the photo for readers who cannot see it",
      "notes-photo-alt",
    );
    const caption = field("Caption", "Caption (optional)", "notes-photo-caption");
    frame.append(img, status);
    dom.append(frame, alt.label, caption.label);

    const setAttr = (name: "alt" | "caption", value: string) => {
      const pos = getPos();
      if (typeof pos !== "number") return;
      view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value }));
    };
    alt.input.addEventListener("input", () => setAttr("alt", alt.input.value));
    caption.input.addEventListener("input", () => setAttr("caption", caption.input.value));
    // Enter in a field goes back to the notes below the photo rather than submitting anything.
    for (const { input } of [alt, caption]) {
      input.addEventListener("keydown", (e) => {
        if (e.key !== "Enter") return;
        e.preventDefault();
        const pos = getPos();
        if (typeof pos === "number")
          editor
            .chain()
            .focus()
            .setTextSelection(pos + node.nodeSize + 2)
            .run();
      });
    }

    const render = () => {
      const { hash, upload, width, height, placeholder } = node.attrs as Record<string, string | number | null>;
      const local =
        queue.localUrl(typeof upload === "string" ? upload : null) ??
        queue.localUrl(typeof hash === "string" ? hash : null);
      dom.dataset.hash = typeof hash === "string" ? hash : "";
      dom.dataset.state = hash ? "uploaded" : local ? "pending" : "remote-pending";
      if (typeof width === "number" && typeof height === "number") {
        img.width = width;
        img.height = height;
        frame.style.aspectRatio = `${width} / ${height}`;
      }
      // Attributes come from any co-editor: only a real base64 WebP data URI reaches the CSS.
      frame.style.backgroundImage =
        typeof placeholder === "string" && PLACEHOLDER.test(placeholder) ? `url("${placeholder}")` : "";
      if (local) {
        if (img.getAttribute("src") !== local) {
          img.removeAttribute("srcset");
          img.src = local;
        }
      } else if (typeof hash === "string" && IMAGE_HASH_PATTERN.test(hash) && typeof width === "number") {
        const sources = imageSources(sessionImagesPath(sessionId), hash, width);
        if (img.getAttribute("src") !== sources.src) {
          img.srcset = sources.srcset;
          img.sizes = sources.sizes;
          img.src = sources.src;
        }
      } else {
        img.removeAttribute("src");
        img.removeAttribute("srcset");
      }
      img.hidden = !img.getAttribute("src");
      img.alt = String(node.attrs.alt ?? "");
      status.textContent = hash
        ? ""
        : local
          ? navigator.onLine
            ? "Uploading…"
            : "Waiting for the network to upload"
          : "Photo on its way from a co-editor…";
      for (const [f, value] of [
        [alt, node.attrs.alt],
        [caption, node.attrs.caption],
      ] as const) {
        if (document.activeElement !== f.input && f.input.value !== (value ?? "")) f.input.value = String(value ?? "");
        f.input.disabled = !editor.isEditable;
      }
    };
    render();
    const unsubscribe = queue.subscribe(() => render());

    return {
      dom,
      update(updated) {
        if (updated.type !== node.type) return false;
        node = updated;
        render();
        return true;
      },
      // The inputs handle their own keys, clipboard and selection; ProseMirror leaves them alone.
      stopEvent: (event) => event.target instanceof HTMLInputElement,
      ignoreMutation: () => true,
      selectNode: () => dom.classList.add("is-selected"),
      deselectNode: () => dom.classList.remove("is-selected"),
      destroy: unsubscribe,
    };
  };
}

function field(label: string, placeholder: string, className: string) {
  const wrap = document.createElement("label");
  wrap.className = className;
  const text = document.createElement("span");
  text.className = "sr-only";
  text.textContent = label;
  const input = document.createElement("input");
  input.type = "text";
  input.placeholder = placeholder;
  input.maxLength = 1000;
  input.setAttribute("data-testid", className);
  wrap.append(text, input);
  return { label: wrap, input };
}
