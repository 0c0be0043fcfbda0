// An `mcp` tool's server is asked for its tools when the tool is created, changed or refreshed;
// the listing is kept on the tool and carried by the snapshots of the agents using it.
import { ApiError } from "@switchboard/shared/errors";
import { listMcpTools } from "@switchboard/shared/mcp/client";
import { UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import type { ToolConfig } from "@switchboard/shared/schemas/tool";
import type { ControlContext } from "../../context.ts";
import type { McpListing } from "./service.ts";

/** Connecting and listing together; a server slower than this is not usable during calls either. */
const LISTING_TIMEOUT_MS = 10_000;

/** 422 `mcp_unreachable` when the server cannot be reached or does not answer `tools/list`. */
export async function listServerTools(ctx: ControlContext, config: ToolConfig): Promise<McpListing> {
  try {
    const mcp_tools = await listMcpTools(
      { url: config.url, transport: config.transport, headers: config.headers },
      { allowPrivate: ctx.config.allowPrivateUrls },
      config.timeout_ms ?? LISTING_TIMEOUT_MS,
    );
    return { mcp_tools, mcp_listed_at: new Date().toISOString() };
  } catch (error) {
    const reason = error instanceof UnsafeUrlError ? `url ${error.message}` : (error as Error).message;
    throw new ApiError(422, "mcp_unreachable", `The MCP server's tools could not be listed: ${reason}`);
  }
}
