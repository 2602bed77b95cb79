"use client";

import { autoUpdate, computePosition, flip, offset, shift, size } from "@floating-ui/dom";
import { useLayoutEffect, useRef } from "react";
import type { RankedPerson } from "@/lib/people/types";
import type { DirectoryPerson } from "@/server/data/people";
import { visibleViewport } from "./visible-viewport";

/** One row of the menu: a known person, or "add this name as a new person". */
export type MenuItem =
  | { kind: "person"; ranked: RankedPerson<DirectoryPerson & { role?: string }>; label: string; inSession: boolean }
  | { kind: "new"; name: string };

/** Where the menu hangs: the caret's box (viewport coordinates), read again on every scroll and resize. */
export interface MenuAnchor {
  rect: () => DOMRect;
  /** The element whose scrolling ancestors move the caret (the editor). */
  contextElement: Element;
}

/** The id of option `index` of the listbox `listboxId` (the editor points at it with aria-activedescendant). */
export function attributionOptionId(listboxId: string, index: number): string {
  return `${listboxId}-option-${index}`;
}

/** What a screen reader says for a row, with pauses: "Jody Mulkey, Shopzilla, panelist". */
function optionName(item: MenuItem): string {
  if (item.kind === "new") return `Add ${item.name} as a new person`;
  const person = item.ranked.person;
  return [item.label, person.affiliation, item.inSession ? person.role : null].filter(Boolean).join(", ");
}

/**
 * The suggestions for an `@name` being typed, next to the caret. Floating UI
 * keeps it inside what the note-taker can see: below the caret when there is
 * room, above it when not (the end of a long document, a phone keyboard, the
 * capture bar), shifted sideways at the screen's edges.
 *
 * The keyboard stays in the notes: the listbox is the popup of the editor
 * (the textbox has aria-controls and aria-activedescendant pointing here, see
 * NotesEditor), so a screen reader reads the highlighted option as ↑↓ move it.
 */
export function AttributionMenu({
  id,
  items,
  selected,
  anchor,
  onPick,
  onHover,
}: {
  /** The listbox's id, which the editor refers to. */
  id: string;
  items: MenuItem[];
  selected: number;
  anchor: MenuAnchor;
  onPick: (item: MenuItem) => void;
  onHover: (index: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  useLayoutEffect(() => {
    const floating = ref.current;
    if (!floating) return;
    const reference = { getBoundingClientRect: anchor.rect, contextElement: anchor.contextElement };
    const place = () => {
      const boundary = visibleViewport();
      void computePosition(reference, floating, {
        strategy: "fixed",
        placement: "bottom-start",
        middleware: [
          offset(6),
          flip({ rootBoundary: boundary, padding: 8 }),
          shift({ rootBoundary: boundary, padding: 8 }),
          size({
            rootBoundary: boundary,
            padding: 8,
            apply: ({ availableHeight }) => {
              floating.style.maxHeight = `${Math.max(120, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y, placement }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.dataset.placement = placement;
      });
    };
    const stop = autoUpdate(reference, floating, place, { animationFrame: false });
    const viewport = window.visualViewport;
    viewport?.addEventListener("resize", place);
    viewport?.addEventListener("scroll", place);
    return () => {
      stop();
      viewport?.removeEventListener("resize", place);
      viewport?.removeEventListener("scroll", place);
    };
  }, [anchor, hasItems, items.length]);

  if (!hasItems) return null;
  return (
    <div ref={ref} className="attribution-menu" data-testid="attribution-menu" onMouseDown={(e) => e.preventDefault()}>
      <div id={id} role="listbox" aria-label="Attribute to">
        {items.map((item, i) => (
          <div
            key={item.kind === "person" ? item.ranked.person.id : `new:${item.name}`}
            id={attributionOptionId(id, i)}
            role="option"
            aria-selected={i === selected}
            aria-label={optionName(item)}
            className={`attribution-option${i === selected ? " is-selected" : ""}`}
            onMouseEnter={() => onHover(i)}
            onClick={() => onPick(item)}
          >
            {item.kind === "person" ? (
              <>
                {/* The spaces keep the visible words apart for "label in name" checks (flex drops them on screen). */}
                <span className="option-name">{item.label}</span>{" "}
                {item.ranked.person.affiliation ? (
                  <span className="option-meta">{item.ranked.person.affiliation}</span>
                ) : null}{" "}
                {item.inSession && item.ranked.person.role ? (
                  <span className="option-role">{item.ranked.person.role}</span>
                ) : null}
              </>
            ) : (
              <span className="option-new">
                Add <strong>{item.name}</strong> as a new person
              </span>
            )}
          </div>
        ))}
      </div>
      {/* Outside the listbox (which holds options only); a screen reader hears the keys from the textbox. */}
      <div className="attribution-hint" aria-hidden="true">
        ↑↓ choose · Enter pick · Esc close
      </div>
    </div>
  );
}
