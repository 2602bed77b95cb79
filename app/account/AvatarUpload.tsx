"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * The author profile's avatar: shows the current one, uploads an image
 * (POST /api/account/avatar with the file's bytes; the server re-encodes it
 * and crops it square) and removes an uploaded one. The server's refusal
 * (SVG, a file hiding something else, too big) is shown as it was worded.
 */
export function AvatarUpload({ avatarUrl, uploaded }: { avatarUrl: string | null; uploaded: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(method: "POST" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/account/avatar", {
        method,
        body: file,
        headers: file ? { "content-type": "application/octet-stream" } : undefined,
      });
      if (!res.ok)
        setError(
          ((await res.json().catch(() => null)) as { error?: string } | null)?.error ??
            `The server answered ${res.status}`,
        );
      else router.refresh();
    } catch {
      setError("The upload did not reach the server; try again");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="avatar-upload" data-testid="avatar-upload">
      {avatarUrl ? (
        // A plain img: any http(s) address the author gave, not an asset Next could optimise.
        <img
          className="avatar-preview"
          src={avatarUrl}
          alt="Your avatar"
          width={64}
          height={64}
          referrerPolicy="no-referrer"
        />
      ) : (
        <span className="avatar-preview" aria-hidden="true" />
      )}
      <div className="avatar-actions">
        <label className="btn secondary small">
          {busy ? "Working…" : uploaded ? "Upload another image" : "Upload an image"}
          <input
            className="sr-only"
            type="file"
            name="avatar"
            accept="image/jpeg,image/png,image/gif,image/webp"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (file) void send("POST", file);
            }}
          />
        </label>
        {uploaded ? (
          <button className="btn secondary small" type="button" disabled={busy} onClick={() => void send("DELETE")}>
            Remove
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
