import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";

/** Awaits a lookup from server/data; its `not_found` AppError becomes Next's 404 page. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
