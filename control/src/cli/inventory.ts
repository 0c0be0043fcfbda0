// The operator's number inventory: numbers they own on their SIP trunk, for orgs to buy.
//   bun control/src/cli/inventory.ts add +14155550142 [+1... ...] [--country US] [--region CA]
//   bun control/src/cli/inventory.ts import numbers.csv      (number,country,region)
//   bun control/src/cli/inventory.ts remove +14155550142     (only numbers no org owns)
//   bun control/src/cli/inventory.ts list
// Uses DATABASE_URL, or the embedded database under DATA_DIR (stop the server first: PGlite
// takes one process at a time).
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { openDatabase } from "../db/client.ts";
import {
  addToInventory,
  type InventoryEntry,
  listInventory,
  parseInventoryCsv,
  parseInventorySpec,
  removeFromInventory,
} from "../modules/phone-numbers/inventory-loader.ts";

const USAGE = `usage:
  inventory add <+E164>... [--country CC] [--region NAME]
  inventory import <file.csv>
  inventory remove <+E164>...
  inventory list`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { country: { type: "string" }, region: { type: "string" } },
  });
  const [command, ...rest] = positionals;
  if (!command || !["add", "import", "remove", "list"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (command === "list") {
      for (const row of await listInventory(database.db)) {
        console.log(
          [row.phoneNumber, row.country, row.region ?? "", row.orgId ? "owned" : "available"].join("\t"),
        );
      }
      return 0;
    }
    if (rest.length === 0) {
      console.error(USAGE);
      return 2;
    }
    if (command === "remove") {
      const { removed, owned } = await removeFromInventory(database.db, rest);
      console.log(`removed ${removed.length}`);
      if (owned.length > 0) console.error(`kept ${owned.length} owned by an org: ${owned.join(", ")}`);
      return owned.length > 0 ? 1 : 0;
    }
    let entries: InventoryEntry[];
    if (command === "import") {
      entries = parseInventoryCsv(await Bun.file(rest[0]!).text(), rest[0]!);
    } else {
      entries = parseInventorySpec(rest.join(",")).map((entry) => ({
        ...entry,
        country: values.country?.toUpperCase() ?? entry.country,
        region: values.region ?? entry.region,
      }));
    }
    const added = await addToInventory(database.db, entries);
    console.log(`added ${added}, already present ${entries.length - added}`);
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
