/**
 * Is a repository about LLaMA (the model family or the ecosystem built for it)? A pure, explainable
 * detector: tokenise the name, weigh ambiguous words by their context, read the description and
 * topics on a repo page, and give reasons a person can check. Known repos come first (the dataset).
 */

export interface DetectInput {
  owner: string;
  name: string;
  /** On a repo page: its About text. */
  description?: string | undefined;
  /** On a repo page: its topic tags. */
  topics?: readonly string[] | undefined;
  /** On a repo page: the README's first heading. */
  readmeTitle?: string | undefined;
}

export interface DetectContext {
  /** Repos the dataset knows to be LLaMA-related (lower-case owner/name), and why. */
  known?: ReadonlyMap<string, string> | undefined;
  /** The user's own lists (lower-case owner/name). */
  always?: ReadonlySet<string> | undefined;
  never?: ReadonlySet<string> | undefined;
}

export interface Detection {
  related: boolean;
  /** Decided by the user's own lists: the reasons stay in the extension (never rendered into a page). */
  fromUserList?: true;
  /** Evidence in favour minus against; related when ≥ 2. */
  score: number;
  reasons: string[];
}

/** Split a repo or owner name into lower-case tokens: separators, camelCase, letter→digit kept together. */
export function tokenize(s: string): string[] {
  return (
    s
      // LLaMA, LLaMa, LlaMA: one word, whatever its capitals (else camelCase splitting cuts it in two).
      .replace(/l?lama/gi, (m) => m[0]! + m.slice(1).toLowerCase())
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((t) => t.toLowerCase())
  );
}

/** Official homes of the model family: their repos are LLaMA's own. */
const OFFICIAL_OWNERS = new Set(['meta-llama']);
/** Tokens that make "llama" a brand of something else (also fused: `ollamaui`, `llamaindexts`). */
const LLAMA_BRANDS = /ollama|defillama|llamaindex|llamafolio|llamafactory|llamafile|llamahub/;
/** Words that, next to alpaca / vicuna / guanaco, say "the fine-tuned model", not the animal or a product. */
const MODEL_CONTEXT = new Set([
  'lora',
  'cpp',
  'llama',
  'stanford',
  'chinese',
  'instruct',
  'finetune',
  'ggml',
  'gguf',
  '7b',
  '13b',
  '30b',
  '33b',
  '65b',
  'chat',
  'qlora',
]);
const AMBIGUOUS = new Set(['alpaca', 'vicuna', 'guanaco']);
const NOT_MODEL = new Set([
  'game',
  'games',
  'farm',
  'bot',
  'emoji',
  'sticker',
  'stickers',
  'pet',
  'pets',
  'zoo',
  'animal',
  'pictures',
  'photos',
  'wallpaper',
]);
/** Description phrases of general, multi-model tooling. */
const MULTI_MODEL =
  /\b(?:\d+\s*\+\s*(?:llms?|models)|any (?:llm|model)|many (?:llms|models|model families)|multiple (?:llms|models)|various (?:llms|models)|model[- ]agnostic|llms? framework|all major (?:llms|models))\b/i;
const LLAMA_TEXT = /\bl+ama(?:[ -]?[1-4](?:\.\d)?)?\b|\bllama\.cpp\b|\bcode ?llama\b/i;
const STRONG_LLAMA_TEXT = /\bllama[ -]?[1-4]\b|\bllama\.cpp\b|\bcode ?llama\b|\bllama\b[^.]{0,20}\bmodels?\b/i;
const LLM_TEXT =
  /\b(?:llms?|language models?|chat(?:bot)?s?|instruct\w*|fine-?tun\w*|weights|inference|quanti[sz]\w*|gguf|ggml|transformers?|lora)\b/i;
const ANIMAL_TEXT = /\b(?:llamas|alpacas|animals?|farm(?:ing)?|pets?|zoo|pictures|photos|wool|games?|platformer|pixel-art|emoji)\b/i;
const OTHER_DOMAIN =
  /\b(?:trading|broker\w*|stock|defi|finance|astronomy|ascom|telescope|risc-?v|fluid|simulation|serial|inpainting|forms?)\b/i;
const LLAMA_WEIGHTS =
  /\b(?:llama|meta'?s (?:llm|model))\b[^.]{0,60}\b(?:weights|checkpoints?|model files)\b|\b(?:weights|checkpoints?)\b[^.]{0,40}\bllama\b/i;

function llamaToken(t: string): boolean {
  if (!t.includes('llama') || LLAMA_BRANDS.test(t)) return false;
  // llama, llama2, llama4, llamacpp, codellama, pyllama, purplellama, llamasharp; fused with a word or a
  // version and a word: tinyllama, chinesellama, openllama3b, llama3chat, llama2webui, llamaguard. Not the
  // animal's plural (llamas).
  return /^[a-z]{0,10}llama(?:\d+[a-z]{0,8}|[a-z]{2,10})?$/.test(t) && !/llamas$/.test(t);
}

/**
 * The words without which a repo's name cannot be LLaMA-related (every rule on names needs one: "llama" in
 * a token or Meta's `meta-llama`, or an ambiguous fine-tune word). The page's cheap pre-check before asking
 * the detector, and the detector's own for a name alone (the links of a page: most have none).
 */
export const LLAMA_CUE = /llama|alpaca|vicuna|guanaco/i;

export function detectLlama(input: DetectInput, ctx: DetectContext = {}): Detection {
  const repo = `${input.owner}/${input.name}`.toLowerCase();
  if (ctx.never?.has(repo)) return { related: false, score: -10, reasons: ['on your "never LLaMA-related" list'], fromUserList: true };
  if (ctx.always?.has(repo)) return { related: true, score: 10, reasons: ['on your "always LLaMA-related" list'], fromUserList: true };
  const known = ctx.known?.get(repo);
  if (known) return { related: true, score: 10, reasons: [`in Backstory's dataset: ${known}`] };
  if (input.description === undefined && !input.topics && input.readmeTitle === undefined && !LLAMA_CUE.test(repo))
    return { related: false, score: 0, reasons: [] };

  const reasons: string[] = [];
  let score = 0;
  const owner = input.owner.toLowerCase();
  const ownerTokens = tokenize(input.owner);
  const nameTokens = tokenize(input.name);
  const official = OFFICIAL_OWNERS.has(owner);
  // "llama" in the owner's name is branding (DefiLlama, run-llama, Ollama, a user name) unless it is Meta's own org.
  const brandOwner = !official && (ownerTokens.some((t) => t.includes('llama')) || owner.includes('llama'));

  if (official) {
    score += 2;
    reasons.push(`published by ${input.owner}, Meta's Llama organisation`);
  }
  const llamaHits = nameTokens.filter(llamaToken);
  if (llamaHits.length && !brandOwner) {
    score += 2;
    reasons.push(`its name contains “${llamaHits[0]}”`);
  } else if (llamaHits.length && brandOwner) {
    reasons.push(`"llama" in ${input.owner}/${input.name} is the owner's brand`);
  }
  if (nameTokens.some((t) => LLAMA_BRANDS.test(t)) || ownerTokens.some((t) => LLAMA_BRANDS.test(t))) {
    score -= 2;
    reasons.push('a product named after llama (Ollama, LlamaIndex, DefiLlama…), not the model family');
  }
  const ambiguous = nameTokens.find((t) => AMBIGUOUS.has(t));
  if (ambiguous) {
    const context = nameTokens.find((t) => MODEL_CONTEXT.has(t) && t !== ambiguous);
    const ownerIsBrand = ownerTokens.some((t) => t.startsWith(ambiguous));
    if (context && !ownerIsBrand) {
      score += 2;
      reasons.push(`its name pairs “${ambiguous}” with “${context}” (a LLaMA fine-tune)`);
    } else {
      reasons.push(`“${ambiguous}” alone is ambiguous (a trading API, a CPU, an animal…)`);
    }
  }
  // The animal, not the model: games, bots, pets.
  if ((llamaHits.length || ambiguous) && nameTokens.some((t) => NOT_MODEL.has(t))) {
    score -= 2;
    reasons.push('named after the animal (a game, a bot, pictures)');
  }
  // Generic frameworks named after the family lose the name's weight ("LLaMA-Factory", "llama_index").
  if (llamaHits.length && nameTokens.some((t) => t === 'index' || t === 'factory' || t === 'hub')) {
    score -= 2;
    reasons.push('named after LLaMA but a general framework (index / factory)');
  }

  const text = `${input.description ?? ''} ${input.readmeTitle ?? ''}`;
  if (text.trim()) {
    const mentionsLlama = LLAMA_TEXT.test(text);
    const mentionsLlm = LLM_TEXT.test(text);
    if (MULTI_MODEL.test(text)) {
      score -= 2;
      reasons.push('description: general tooling for many model families');
    } else if (LLAMA_WEIGHTS.test(text)) {
      score += 2;
      reasons.push('description mentions LLaMA weights');
    } else if (mentionsLlama && (mentionsLlm || STRONG_LLAMA_TEXT.test(text))) {
      score += 1;
      reasons.push('description mentions LLaMA');
      // An ambiguous fine-tune name (KoAlpaca, medAlpaca) that its description ties to LLaMA.
      if (ambiguous && !OTHER_DOMAIN.test(text)) {
        score += 1;
        reasons.push(`“${ambiguous}” here is the LLaMA fine-tune`);
      }
    }
    if (ANIMAL_TEXT.test(text) && !mentionsLlm) {
      score -= 2;
      reasons.push('description is about the animal');
    } else if ((llamaHits.length || ambiguous) && !mentionsLlama && !mentionsLlm) {
      score -= 1;
      reasons.push('description mentions no language model');
    }
    if (ambiguous && OTHER_DOMAIN.test(text)) {
      score -= 2;
      reasons.push('description is about something else entirely');
    }
  }
  const topics = (input.topics ?? []).map((t) => t.toLowerCase());
  const llamaTopic = topics.find((t) => /^(?:llama\d*|llama-?cpp|llama-?\d|codellama|alpaca-lora|vicuna-?\d*b?)$/.test(t));
  if (llamaTopic) {
    score += 2;
    reasons.push(`topic “${llamaTopic}”`);
  }
  if (topics.some((t) => /^(?:defi|trading|cryptocurrency|astronomy|rag|retrieval-augmented-generation)$/.test(t))) {
    score -= 1;
    reasons.push('topics point elsewhere');
  }
  return { related: score >= 2, score, reasons };
}
