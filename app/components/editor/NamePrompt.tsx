"use client";

import { useState } from "react";

/** Asks for the name shown on this person's caret; once per browser. */
export function NamePrompt({ onSubmit }: { onSubmit: (name: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <div className="dialog-backdrop">
      <div className="dialog card" role="dialog" aria-modal="true" aria-labelledby="name-title">
        <h2 id="name-title">What should co-editors call you?</h2>
        <p>Your name appears next to your cursor while you take notes together.</p>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim()) onSubmit(value.trim().slice(0, 60));
          }}
        >
          <label>
            Your name
            <input
              autoFocus
              value={value}
              onChange={(e) => setValue(e.target.value)}
              maxLength={60}
              placeholder="Jane Doe"
            />
          </label>
          <button className="btn" type="submit">
            Start taking notes
          </button>
        </form>
      </div>
    </div>
  );
}
