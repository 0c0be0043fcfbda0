import { useEffect, useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import type { paths } from "../api/schema";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Field, Loading, Page, when } from "../ui.tsx";

type SearchResult = paths["/api/v1/knowledge/search"]["get"]["responses"][200]["content"]["application/json"];

const POLL_MS = 1500;

/** Drop files on the zone or pick them with the button; each becomes a source (PDF, DOCX, HTML, text). */
function Upload({ onUploaded }: { onUploaded: () => void }) {
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setError(null);
    for (const file of Array.from(files)) {
      setStatus(`Uploading ${file.name}…`);
      const { data, error: problem } = await api.POST("/api/v1/knowledge/file", {
        body: { file, title: file.name },
        bodySerializer: (body) => {
          const form = new FormData();
          form.set("file", body.file as Blob, file.name);
          if (body.title) form.set("title", body.title);
          return form;
        },
      });
      if (!data) {
        setStatus(null);
        return setError(`${file.name}: ${problemText(problem)}`);
      }
      setStatus(`Uploaded ${file.name}.`);
      onUploaded();
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer's shortcut; the file input inside is the keyboard's way.
    <div
      class={`drop ${over ? "over" : ""}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void send(e.dataTransfer?.files ?? null);
      }}
    >
      <p>Drop files here (PDF, DOCX, HTML, Markdown or text), or</p>
      <label class="button secondary">
        Choose files
        <input
          class="sr-only"
          type="file"
          multiple
          aria-label="Upload files"
          onChange={(e) => void send(e.currentTarget.files)}
        />
      </label>
      {status && (
        <p role="status" class="muted">
          {status}
        </p>
      )}
      <ErrorNote message={error} />
    </div>
  );
}

/** Adds a source from pasted text or a web page. */
function AddSource({ onAdded }: { onAdded: () => void }) {
  const [kind, setKind] = useState<"text" | "url">("text");
  const [title, setTitle] = useState("");
  const [content, setContent] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="Add a source"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const { data, error: problem } =
          kind === "text"
            ? await api.POST("/api/v1/knowledge/text", { body: { title, content } })
            : await api.POST("/api/v1/knowledge/url", { body: { url, ...(title ? { title } : {}) } });
        if (!data) return setError(problemText(problem));
        setTitle("");
        setContent("");
        setUrl("");
        onAdded();
      }}
    >
      <fieldset class="inline plain">
        <legend class="label">Kind</legend>
        <label>
          <input type="radio" name="kind" checked={kind === "text"} onChange={() => setKind("text")} /> Text
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === "url"} onChange={() => setKind("url")} /> Web page
        </label>
      </fieldset>
      <Field label="Title">
        <input required={kind === "text"} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      {kind === "text" ? (
        <Field label="Content">
          <textarea required rows={4} value={content} onInput={(e) => setContent(e.currentTarget.value)} />
        </Field>
      ) : (
        <Field label="Page URL">
          <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </Field>
      )}
      <ErrorNote message={error} />
      <button type="submit">Add source</button>
    </form>
  );
}

/** Asks the index what a caller's question would retrieve. */
function TestSearch() {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="test-search">
      <h2 id="test-search">Test search</h2>
      <form
        class="inline"
        aria-label="Test search"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          const { data, error: problem } = await api.GET("/api/v1/knowledge/search", {
            params: { query: { q: query, k: 3 } },
          });
          if (!data) return setError(problemText(problem));
          setResult(data);
        }}
      >
        <Field label="Question">
          <input required value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </Field>
        <button type="submit">Search</button>
      </form>
      <ErrorNote message={error} />
      {result && result.data.length === 0 && <Empty>Nothing in the sources matches.</Empty>}
      {result && result.data.length > 0 && (
        <ol class="passages">
          {result.data.map((passage) => (
            <li key={`${passage.source_id}-${passage.score}`}>
              <strong>{passage.title}</strong> <span class="muted">score {passage.score.toFixed(3)}</span>
              <p>{passage.text}</p>
            </li>
          ))}
        </ol>
      )}
      {result && (
        <p class="muted">
          Embedded in {result.embed_ms.toFixed(1)} ms, searched in {result.search_ms.toFixed(1)} ms.
        </p>
      )}
    </section>
  );
}

export function KnowledgeView() {
  const sources = useLoad(() => api.GET("/api/v1/knowledge", { params: { query: { limit: 100 } } }));
  const [error, setError] = useState<string | null>(null);
  const ingesting =
    sources.data?.data.some((s) => s.status === "pending" || s.status === "processing") ?? false;
  // While a source is being ingested, its progress is read again until it is ready or failed.
  useEffect(() => {
    if (!ingesting) return;
    const timer = setTimeout(sources.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [ingesting, sources.data]);
  return (
    <Page title="Knowledge">
      <section class="card" aria-label="Add knowledge">
        <Upload onUploaded={sources.reload} />
        <AddSource onAdded={sources.reload} />
      </section>
      <h2>Sources</h2>
      <ErrorNote message={sources.error ?? error} />
      {sources.loading && !sources.data && <Loading what="sources" />}
      {sources.data && sources.data.data.length === 0 && (
        <Empty>No sources yet. Agents answer from the sources you add here.</Empty>
      )}
      {sources.data && sources.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Sources</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Chunks</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.data.data.map((source) => (
              <tr key={source.id}>
                <td>
                  <strong>{source.title}</strong>
                  {source.url && (
                    <>
                      <br />
                      <code class="muted">{source.url}</code>
                    </>
                  )}
                </td>
                <td>{source.kind}</td>
                <td>
                  <span data-testid={`status-${source.title}`}>{source.status}</span>
                  {(source.status === "pending" || source.status === "processing") && (
                    <progress max={100} value={source.progress} aria-label={`Ingestion of ${source.title}`} />
                  )}
                  {source.error && <span class="error"> {source.error}</span>}
                </td>
                <td>{source.chunk_count}</td>
                <td>{when(source.updated_at)}</td>
                <td>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Delete ${source.title}`}
                    onClick={async () => {
                      if (!confirm(`Delete the source ${source.title}?`)) return;
                      const { response, error: problem } = await api.DELETE("/api/v1/knowledge/{source_id}", {
                        params: { path: { source_id: source.id } },
                      });
                      if (response.ok) sources.reload();
                      else setError(problemText(problem));
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TestSearch />
    </Page>
  );
}
