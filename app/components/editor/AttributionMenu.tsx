"use client";

import type { RankedPerson } from "@/lib/people/types";
import type { DirectoryPerson } from "@/server/data/people";

/** One row of the menu: a known person, or "add this name as a new person". */
export type MenuItem =
  | { kind: "person"; ranked: RankedPerson<DirectoryPerson & { role?: string }>; label: string; inSession: boolean }
  | { kind: "new"; name: string };

/** The suggestions for an `@name` being typed, next to the caret. */
export function AttributionMenu({
  items,
  selected,
  position,
  onPick,
  onHover,
}: {
  items: MenuItem[];
  selected: number;
  position: { left: number; top: number };
  onPick: (item: MenuItem) => void;
  onHover: (index: number) => void;
}) {
  if (items.length === 0) return null;
  return (
    <div
      className="attribution-menu"
      role="listbox"
      aria-label="Attribute to"
      data-testid="attribution-menu"
      style={{ left: position.left, top: position.top }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {items.map((item, i) => (
        <div
          key={item.kind === "person" ? item.ranked.person.id : `new:${item.name}`}
          role="option"
          aria-selected={i === selected}
          className={`attribution-option${i === selected ? " is-selected" : ""}`}
          onMouseEnter={() => onHover(i)}
          onClick={() => onPick(item)}
        >
          {item.kind === "person" ? (
            <>
              <span className="option-name">{item.label}</span>
              {item.ranked.person.affiliation ? <span className="option-meta">{item.ranked.person.affiliation}</span> : null}
              {item.inSession && item.ranked.person.role ? <span className="option-role">{item.ranked.person.role}</span> : null}
            </>
          ) : (
            <span className="option-new">
              Add <strong>{item.name}</strong> as a new person
            </span>
          )}
        </div>
      ))}
      <div className="attribution-hint">↑↓ choose · Enter pick · Esc close</div>
    </div>
  );
}
