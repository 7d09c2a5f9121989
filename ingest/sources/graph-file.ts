// GraphML and GEXF (Gephi, NodeXL, networkx) through graphology's parsers. Nodes become accounts and
// edges interactions; an edge is keyed like a canonical CSV row without post_id (source, target, type,
// timestamp), so loading the file again changes nothing. The XML parsers need the whole document, so
// these files are read whole — with a size limit that says so, unlike every other source.
import type { Readable } from 'node:stream';
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { accountId, InteractionType } from '../../queries/model.ts';
import { splitHashtags, syntheticPostId } from './csv.ts';
import { clip, type SourceContext, type SourceItem } from './source.ts';

const MAX_GRAPH_FILE = 256 * 1024 * 1024;

type Parser = (graph: typeof Graph, text: string) => Graph;

const pickStr = (a: Attributes, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = a[k];
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') return String(v).trim();
  }
  return undefined;
};
const pickNum = (a: Attributes, ...keys: string[]): number | undefined => {
  const s = pickStr(a, ...keys);
  const n = s === undefined ? NaN : Number(s);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

async function readAll(input: Readable, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of input) {
    size += (c as Buffer).length;
    if (size > MAX_GRAPH_FILE)
      throw new Error(
        `${file} is larger than ${MAX_GRAPH_FILE >> 20} MB: export it as canonical CSV instead`,
      );
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function graphFileSource(format: 'graphml' | 'gexf', parse: Parser) {
  return async function* (input: Readable, ctx: SourceContext): AsyncGenerator<SourceItem> {
    const text = await readAll(input, ctx.file);
    let graph: Graph;
    try {
      graph = parse(Graph, text);
    } catch (err) {
      yield {
        line: 0,
        reject: `not a valid ${format.toUpperCase()} document (${(err as Error).message})`,
        raw: clip(text, 500),
      };
      return;
    }
    let n = 0;
    const platformOf = (a: Attributes) => (pickStr(a, 'platform') ?? format).toLowerCase();
    for (const key of graph.nodes()) {
      n += 1;
      const a = graph.getNodeAttributes(key);
      const platform = platformOf(a);
      const label = pickStr(a, 'label', 'Label');
      yield {
        line: n,
        records: [
          {
            kind: 'account',
            id: accountId(platform, key),
            platform,
            handle: pickStr(a, 'handle', 'username', 'screen_name', 'Vertex') ?? label ?? key,
            name: pickStr(a, 'name', 'Name') ?? label,
            bio: pickStr(a, 'bio', 'description', 'Description'),
            location: pickStr(a, 'location', 'Location'),
            followers: pickNum(a, 'followers', 'followers_count', 'Followers'),
            following: pickNum(a, 'following', 'friends_count', 'following_count', 'Followed'),
            url: pickStr(a, 'url', 'URL'),
          },
        ],
      };
    }
    for (const e of graph.edges()) {
      n += 1;
      const a = graph.getEdgeAttributes(e);
      const sa = graph.getNodeAttributes(graph.source(e));
      const platform = platformOf(sa);
      const source = accountId(platform, graph.source(e));
      const target = accountId(platform, graph.target(e));
      const typeText = (
        pickStr(a, 'type', 'interaction', 'Relationship', 'relationship') ?? 'mention'
      ).toLowerCase();
      const type = InteractionType.safeParse(
        typeText === 'retweet' ? 'repost' : typeText === 'mentions' ? 'mention' : typeText,
      );
      const raw = `${graph.source(e)} -> ${graph.target(e)} ${JSON.stringify(a)}`;
      if (!type.success) {
        yield {
          line: n,
          reject: `edge type must be mention, reply, repost, quote or follow, got "${clip(typeText, 50)}"`,
          raw: clip(raw),
        };
        continue;
      }
      if (source === target) {
        yield {
          line: n,
          reject: 'edge from an account to itself (self-interactions are not counted)',
          raw: clip(raw),
        };
        continue;
      }
      const w = Number(a.weight ?? a.Weight ?? 1);
      const ts = pickStr(a, 'timestamp', 'time', 'Timestamp');
      if (type.data === 'follow') {
        yield { line: n, records: [{ kind: 'follow', source, target }] };
        continue;
      }
      yield {
        line: n,
        records: [
          {
            kind: 'post',
            id: syntheticPostId(platform, source, target, type.data, ts ?? ''),
            platform,
            author: source,
            createdAt: ts && !Number.isNaN(Date.parse(ts)) ? ts : undefined,
            hashtags: splitHashtags(pickStr(a, 'hashtags', 'Hashtags')),
            interactions: [{ type: type.data, target, weight: Number.isFinite(w) && w > 0 ? w : 1 }],
          },
        ],
      };
    }
  };
}
