// Driver adapter used only by the Prisma CLI (migrate deploy/diff/dev).
//
// Why: with the WASM schema engine, Prisma 6.19 cannot deserialize some
// Postgres catalog types (prisma/prisma#27403: "Column type 'name' could not
// be deserialized", then 'char'). We report those columns as text / text[]
// so the engine reads them as strings. The application's runtime client does
// not go through here.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// name, char, int2vector, regproc, oidvector, pg_node_tree, regtype -> text
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205]);
// _name, _char (arrays) -> text[]
const AS_TEXT_ARRAY = new Set([1002, 1003]);
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

type Field = { dataTypeID: number };

function remapFields<T>(result: T): T {
  const fields = (result as { fields?: Field[] } | undefined)?.fields;
  for (const field of fields ?? []) {
    if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY_OID;
  }
  return result;
}

// pg's Pool drives its clients with callbacks, Prisma's adapter with
// promises: remap the result in both forms.
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, result: unknown) => void;
      args[args.length - 1] = (err: unknown, result: unknown) => callback(err, remapFields(result));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(remapFields) : out) as never;
  }
}

export function createMigrationAdapter(connectionString: string | undefined) {
  if (!connectionString) throw new Error("DATABASE_URL is required for Prisma migrations");
  return new PrismaPg(new pg.Pool({ connectionString, max: 4, Client: CatalogFriendlyClient }));
}
