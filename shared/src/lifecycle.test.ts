import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Lifecycle } from "./lifecycle.ts";
import { createLogger } from "./logger.ts";
import { waitFor } from "./testing/wait-for.ts";

const silent = createLogger("silent");

describe("Lifecycle in process", () => {
  test("steps run once, in order; a second shutdown awaits the first", async () => {
    const order: string[] = [];
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const lifecycle = new Lifecycle({ log: silent, exit: () => {} })
      .onStop("gateway", async () => {
        order.push("gateway:start");
        await firstHeld;
        order.push("gateway:end");
      })
      .onStop("control", () => {
        order.push("control");
      })
      .onStop("bus", async () => {
        order.push("bus");
      });
    expect(lifecycle.shuttingDown).toBe(false);
    const first = lifecycle.shutdown();
    const second = lifecycle.shutdown();
    expect(second).toBe(first);
    expect(lifecycle.shuttingDown).toBe(true);
    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    await Bun.sleep(0);
    expect(order).toEqual(["gateway:start"]);
    expect(secondDone).toBe(false);
    releaseFirst();
    expect(await second).toBe(0);
    expect(await first).toBe(0);
    expect(order).toEqual(["gateway:start", "gateway:end", "control", "bus"]);
    expect(await lifecycle.shutdown()).toBe(0);
    expect(order).toHaveLength(4);
  });

  test("a failing step is logged, the later steps still run, and the exit code is 1", async () => {
    const order: string[] = [];
    const lifecycle = new Lifecycle({ log: silent, exit: () => {} })
      .onStop("broken", () => {
        throw new Error("boom");
      })
      .onStop("after", () => {
        order.push("after");
      });
    expect(await lifecycle.shutdown()).toBe(1);
    expect(order).toEqual(["after"]);
  });

  test("the first signal exits with the shutdown's code; a second exits at once, 128 + signal", async () => {
    const exits: number[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const lifecycle = new Lifecycle({ log: silent, exit: (code) => exits.push(code) }).onStop(
      "slow",
      () => held,
    );
    lifecycle.signal("SIGTERM");
    await Bun.sleep(0);
    expect(exits).toEqual([]);
    lifecycle.signal("SIGINT");
    expect(exits).toEqual([130]);
    release();
    await lifecycle.shutdown();
    await Bun.sleep(0);
    expect(exits).toEqual([130, 0]);
  });
});

describe("Lifecycle in a child process with real signals", () => {
  const dir = mkdtempSync(join(tmpdir(), "lifecycle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A script whose one stop step prints, then waits `stopMs` before printing that it is done. */
  function childScript(stopMs: number): string {
    const path = join(dir, `child-${stopMs}.ts`);
    writeFileSync(
      path,
      `import { Lifecycle } from ${JSON.stringify(join(import.meta.dir, "lifecycle.ts"))};
import { createLogger } from ${JSON.stringify(join(import.meta.dir, "logger.ts"))};
const keepAlive = setInterval(() => {}, 1000);
new Lifecycle({ log: createLogger("info", "child") })
  .onStop("work", async () => {
    process.stdout.write("STOPPING\\n");
    await Bun.sleep(${stopMs});
    process.stdout.write("STOPPED\\n");
  })
  .onStop("timers", () => clearInterval(keepAlive))
  .handleSignals();
process.stdout.write("READY\\n");
`,
    );
    return path;
  }

  async function spawnChild(stopMs: number) {
    const child = Bun.spawn([process.execPath, childScript(stopMs)], { stdout: "pipe", stderr: "pipe" });
    let output = "";
    const reader = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of child.stdout) output += decoder.decode(chunk);
    })();
    const printed = (text: string) =>
      waitFor(`the child to print ${text}`, () => {
        if (child.exitCode !== null) throw new Error(`the child exited without ${text}:\n${output}`);
        return output.includes(text);
      });
    return { child, output: () => output, printed, reader };
  }

  test("one SIGTERM runs the stop steps to their end and exits 0", async () => {
    const { child, output, printed, reader } = await spawnChild(300);
    await printed("READY");
    child.kill("SIGTERM");
    expect(await child.exited).toBe(0);
    await reader;
    expect(output()).toContain("STOPPING\n");
    expect(output()).toContain("STOPPED\n");
    expect(output()).toContain('"msg":"stopped"');
  });

  test("a second signal during a slow shutdown exits at once with 128 + its number, logged", async () => {
    const { child, output, printed, reader } = await spawnChild(60_000);
    await printed("READY");
    child.kill("SIGTERM");
    await printed("STOPPING");
    const secondAtMs = Date.now();
    child.kill("SIGINT");
    expect(await child.exited).toBe(130);
    expect(Date.now() - secondAtMs).toBeLessThan(2000);
    await reader;
    expect(output()).not.toContain("STOPPED");
    expect(output()).toContain('"msg":"second signal during shutdown: exiting now"');
  });
});
