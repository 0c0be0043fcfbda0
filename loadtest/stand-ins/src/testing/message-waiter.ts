// Waits on a stream of received messages without polling: a condition is checked again each
// time a message arrives, and fails after a timeout naming what it waited for.

export class MessageWaiter<T> {
  readonly messages: T[] = [];
  private readonly listeners = new Set<() => void>();

  push(message: T): void {
    this.messages.push(message);
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with the probe's first truthy value, checked now and on every later message. */
  until<R>(what: string, probe: () => R | null | undefined | false, timeoutMs = 10_000): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (!value) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }
}
