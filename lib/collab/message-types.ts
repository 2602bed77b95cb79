/**
 * The y-websocket message types (the first varuint of every frame), as y-websocket's own client and
 * server number them. Shared by the server (server/collab) and the browser's connection
 * (app/collab), so both sides read a frame the same way. Talknotes adds no message type of its own:
 * saves are confirmed with the standard sync step 1/2 exchange (see ARCHITECTURE.md, Durability).
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** y-websocket's auth message: Talknotes authorises at the upgrade and never sends or accepts it. */
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
