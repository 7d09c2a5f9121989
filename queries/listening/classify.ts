// Sentiment and category of a post about us. Sentiment starts from VADER (vader-sentiment, built for
// short social-media text: negation, intensifiers, capitals, emoji), then health-specific cues move it,
// because the lexicon reads "waited 6 hours in the ER" as neutral and "great job, 7 hours to see a
// doctor" as praise. The category comes from ordered rules over the same cues: a clinical-safety
// concern wins over everything (it must never wait in a queue of complaints), then complaints (a
// complaint phrased as a question is still a complaint), questions, praise, and the rest.
// Measured on tests/fixtures/listening/posts.txt by tests/unit/listening/classify.test.ts.
import { createRequire } from 'node:module';
import { detect } from 'tinyld';
import type { Category, Sentiment } from './contract.ts';
import { fold } from './match.ts';

interface Vader {
  SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}
const vader = createRequire(import.meta.url)('vader-sentiment') as Vader;

interface Cue {
  label: string;
  re: RegExp;
}
const cue = (label: string, pattern: string): Cue => ({ label, re: new RegExp(pattern, 'i') });

// Self-harm, adverse events, dangerous errors: what a clinician must see now.
const SAFETY: Cue[] = [
  cue(
    'self-harm',
    String.raw`\b(?:suicid\w*|kill(?:ing)?\s+(?:my|him|her|them)sel(?:f|ves)|end(?:ing)?\s+(?:it|my\s+life)|don'?t\s+want\s+to\s+be\s+here\s+anymore|want\s+to\s+die|hurt(?:ing)?\s+(?:my|him|her)self|self[-\s]?harm|overdos\w*|suicide\s+watch|shoelaces)`,
  ),
  cue(
    'medication error',
    String.raw`\b(?:wrong\s+(?:medication|medicine|meds?|drug|dose|pills?|iv|bag|patient'?s?|blood)|(?:\d+x|adult)\s+(?:the\s+)?dose|someone\s+else'?s\s+(?:pills|meds|medication)|meant\s+for\s+someone\s+else|interacts?\s+with|different\s+drug|without\s+(?:her|his|their|my)\s+insulin|blood\s+thinner|gave\s+(?:it|me|him|her)\s+(?:to\s+me\s+)?anyway|allergic\s+to\s+(?:even|\w+)\s+(?:though|and)|(?:prescribed|gave)\s+.{0,40}allergic|(?:dairy|penicillin)\s+allergy|look\s+nothing\s+like)`,
  ),
  cue(
    'adverse reaction',
    String.raw`\b(?:allergic\s+reaction|hives|throat\s+(?:is\s+)?(?:still\s+)?swelling|can\s*(?:'|no)?t\s+(?:stop\s+bleeding|breathe)|barely\s+breathe|stopped\s+breathing|call(?:ed)?\s+a\s+code|heart\s+rate\s+(?:is\s+)?(?:dropped|dangerously)|oxygen\s+is\s+dropping|septic|sepsis|infection\s+after|incision\s+opened|brain\s+bleed|heart\s+attack|skull\s+fracture|104\s+fever|fever\s+of\s+10\d|sugar\s+is\s+over|swollen\s+and\s+purple|vomiting|severely\s+dehydrated|pressure\s+sore|to\s+the\s+bone|positive\b.*immunocompromised|immunocompromised.*positive)`,
  ),
  cue(
    'dangerous error',
    String.raw`\b(?:wrong\s+(?:knee|leg|arm|side|hip|eye|patient)|surgical\s+sponge|left\s+a\s+\w+\s+inside|fell\s+out\s+of\s+bed|alarm\s+was\s+turned\s+off|alarming\s+for|nobody\s+noticed|wandered\s+out|restrained|didn'?t\s+check\s+my\s+id|blood\s+transfusion|used\s+needle|blood\s+on\s+the\s+floor|could\s+have\s+died|almost\s+died|emergency\s+surgery|never\s+called\s+about\s+my\s+abnormal|without\s+water|still\s+going|sent\s+(?:her|him|me)\s+home\s+after\s+\d+\s+minutes|released\s+him|no\s+follow\s+up)`,
  ),
];

// Service failures: waiting, money, rudeness, things lost or cancelled.
const COMPLAINT: Cue[] = [
  cue(
    'waiting',
    String.raw`\b(?:wait(?:ed|ing)?\b|on\s+hold|hold\s+music|\d+\s*(?:hours?|hrs?|minutes|mins)\b|t(?:ook|akes)\s+(?:\w+\s+){0,2}(?:hours|weeks|months)|waitlist|been\s+\w+\s+(?:weeks|months)|(?:weeks|months)\s+(?:later|now)|still\s+(?:waiting|fighting|disputing)|never\s+(?:called|returned|sent|respects)|nobody\s+(?:ever\s+)?(?:called|came|answers|could|at)|no\s+(?:update|apology|food)|hallway\s+bed)`,
  ),
  cue(
    'billing',
    String.raw`\b(?:bill(?:ed|ing)?|charg(?:ed|es?)|collections|copay|deposit|\$\d[\d,]*|overcharg\w*|insurance\s+won'?t)`,
  ),
  cue(
    'rudeness',
    String.raw`\b(?:rude\w*|hung\s+up|laughed|rolled\s+(?:his|her)\s+eyes|dramatic|humiliat\w*|treated\s+(?:\w+\s+)?like|heartless|cruel|barely\s+looked|felt\s+like\s+a\s+number)`,
  ),
  cue(
    'lost or cancelled',
    String.raw`\b(?:lost|cancel+ed|double\s+booked|wrong\s+(?:address|clinic|body\s+part)|forgot|misspelled|sent\s+me\s+home|didn'?t\s+tell|redo|reschedule|again\b|never\s+sent|moved\s+\w+\s+\w+\s+to)`,
  ),
  cue(
    'facilities',
    String.raw`\b(?:parking|filthy|dirty|broken\s+elevator|noise|unbearable|cold,?\s+bland|no\s+soap|cafeteria\s+closed|showed\s+up|valet|scratched)`,
  ),
  cue(
    'systems',
    String.raw`\b(?:portal\s+(?:has\s+been\s+)?down|logged\s+me\s+out|errors?\s+out|phone\s+tree|voicemail|faxes|app\s+logged|charged\s+me\s+twice|dropped\s+three\s+times|reminders\s+for\s+an\s+appointment\s+i\s+canceled|lists\s+doctors\s+who\s+left|same\s+form)`,
  ),
  cue(
    'strong words',
    String.raw`\b(?:unacceptable|shameful|disgusting|nightmare|worst|joke|unreal|lies|seriously\?|not\s+okay|ridiculous|horrible|terrible|awful|never\s+been\s+treated|deserve\s+better|for\s+nothing)`,
  ),
];

// Praise cues, and what turns apparent praise into sarcasm.
const PRAISE = cue(
  'thanks',
  String.raw`\b(?:thank\w*|grateful|gratitude|kudos|shout\s*out|angels?|heroes|saints|amazing|incredible|wonderful|best|kind(?:est|ness)?|caring|rock\b|saved|life\s+changing|miracle|highly\s+recommend|ten\s+out\s+of\s+ten|five\s+stars|mvps?|forever\s+(?:thankful|in\s+your\s+debt)|so\s+happy|means\s+the\s+world|above\s+and\s+beyond|world\s+class|painless|made\s+it\s+(?:easy|painless|bearable)|less\s+scary|went\s+perfectly|such\s+patience|explains\s+everything|here\s+today\s+because|helped\s+(?:me|my|us)|so\s+supported|so\s+helpful)`,
);
const SARCASM = cue(
  'sarcasm',
  String.raw`(?:🙄|🙃|😤|/s\b|\boh\s+(?:great|wonderful)|\bgreat\s+(?:job|work)\b.*\b(?:only|hours|losing)|\breally\s+love\b|\blove\s+(?:how|starting|sitting|waiting)|\bpeak\s+efficiency|\btruly\s+world\s+class|\bfantastic\s+systems|\bcool\s+cool|\bsure,|\btotally\s+not|\bnothing\s+says|\bthanks\s+\w+(?:\s+\w+)?\s+for\s+losing|\bthird\s+world)`,
);
const QUESTION = cue(
  'question',
  String.raw`(?:\?\s*$|\?\s+\S|^(?:does|do|is|are|can|could|how|what|where|who|when|which|anyone|any\s+tips|should)\b|\banyone\s+(?:know|had|work)\b)`,
);
// Plain facts: news, events, announcements (no one to answer).
const NEWS = cue(
  'news or event',
  String.raw`\b(?:announc\w*|hosting|opens?\b|opened|ranked|named|report|published|study|partnership|joins|celebrat\w*|conference|webinar|gala|rating|recruiting|scholarships?|budget|drill|featured|retiring|merge|congrats|will\s+(?:close|be\s+closed)|volunteers?\s+for|looking\s+for\s+volunteers)`,
);

// A question that is really a complaint ("Why do I have to wait four hours …?"), and one that asks.
const RHETORICAL = /\bwhy\b[^?]*\?|seriously\?|which is it\?|who am i even/;
const INTERROGATIVE = /^(?:does|do|is|are|can|could|how|what|where|who|when|which|anyone|should)\b/;

interface Classification {
  category: Category;
  sentiment: Sentiment;
  /** VADER's compound score after the health cues moved it, -1 … 1. */
  score: number;
  /** The cues that decided, in plain words. */
  cues: string[];
  /** ISO 639-1 code, or null when the text is too short to tell. */
  lang: string | null;
}

function hits(cues: Cue[], text: string): string[] {
  return cues.filter((c) => c.re.test(text)).map((c) => c.label);
}

interface ClassifyOptions {
  /** The language the platform gave, if any. */
  lang?: string | null | undefined;
  /**
   * Our own names, removed before scoring: VADER's lexicon rates words such as "Mercy", "Grace" or
   * "Hope" as positive, which made every post about a hospital with such a name look like praise.
   */
  names?: readonly string[];
}

function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    const words = n
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    out = out.replace(new RegExp(`[@#]?\\b${words.join('\\s+')}\\b('s)?`, 'gi'), 'it');
  }
  return out;
}

export function classify(raw: string | null | undefined, opts: ClassifyOptions = {}): Classification {
  const text = (raw ?? '').trim();
  const folded = fold(text);
  const scored = opts.names?.length ? withoutNames(text, opts.names) : text;
  const base = text ? vader.SentimentIntensityAnalyzer.polarity_scores(scored).compound : 0;
  const safety = hits(SAFETY, folded);
  const complaint = hits(COMPLAINT, folded);
  const praise = PRAISE.re.test(folded);
  const sarcasm = SARCASM.re.test(text) || SARCASM.re.test(folded);
  const question = QUESTION.re.test(folded);
  const news = NEWS.re.test(folded);

  let score = base;
  if (safety.length) score = Math.min(score, -0.6);
  else if (sarcasm) score = Math.min(-0.4, -Math.abs(score));
  else if (complaint.length >= 2 && !praise) score = Math.min(score, -0.4);
  else if (complaint.length === 1 && !praise) score = Math.min(score, base - 0.35);
  else if (praise && !complaint.length) score = Math.max(score, 0.4);

  let category: Category;
  const cues: string[] = [];
  const strong = complaint.includes('strong words');
  if (safety.length) {
    category = 'clinical_safety';
    cues.push(...safety);
  } else if (sarcasm) {
    category = 'complaint';
    cues.push('sarcasm', ...complaint);
  } else if (complaint.length && RHETORICAL.test(folded)) {
    category = 'complaint';
    cues.push(...complaint);
  } else if (question && INTERROGATIVE.test(folded) && !strong) {
    category = 'question';
    cues.push('question');
  } else if (complaint.length && score < -0.05) {
    category = 'complaint';
    cues.push(...complaint);
  } else if (question) {
    category = 'question';
    cues.push('question');
  } else if (praise || (score >= 0.5 && !news)) {
    category = 'praise';
    if (praise) cues.push('thanks');
  } else if (score <= -0.3 && !news) {
    category = 'complaint';
    cues.push(...complaint);
  } else {
    category = 'other';
    if (news) cues.push('news or event');
  }
  // Asking and announcing carry little feeling, whatever the lexicon says about their words.
  if (category === 'question' || category === 'other') score *= 0.3;
  const sentiment: Sentiment = score >= 0.2 ? 'positive' : score <= -0.2 ? 'negative' : 'neutral';
  const lang = opts.lang ?? (text.length >= 12 ? detect(text) || null : null);
  return { category, sentiment, score: Math.round(score * 1000) / 1000, cues, lang };
}
