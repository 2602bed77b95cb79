"use client";

import { useState } from "react";

/**
 * Copies `text` to the clipboard and says so. Where the Clipboard API is
 * missing (plain http on a LAN address is not a secure context) it falls
 * back to selecting a hidden copy and the browser's copy command.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    let ok = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      ok = document.execCommand("copy");
      area.remove();
    }
    setState(ok ? "copied" : "failed");
    window.setTimeout(() => setState("idle"), 2500);
  };
  return (
    <button type="button" className="btn secondary copy-btn" onClick={copy} title={label} data-testid="copy">
      <span aria-live="polite">
        {state === "copied" ? "Copied ✓" : state === "failed" ? "Select and copy" : "Copy"}
      </span>
    </button>
  );
}
