import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./control/src/db/schema.ts",
  out: "./control/drizzle",
});
