/**
 * Who sent a github/dmca notice, on whose behalf, and (for a counter-notice, retraction or reversal) who
 * filed it — each with the line of the notice it comes from. Pure: text in, facts out.
 *
 * Roles, as Backstory uses them:
 *  - sender: the organisation that sent the notice (an agent or law firm, or the signer's own company);
 *  - principal: on whose behalf it was sent, when that is another party (the copyright owner or client);
 *  - filer: for an answer, the party it is filed for (GitHub for GitHub's own reversals).
 * A name is only ever taken from the text: never from the file name, never a redaction or a form prompt.
 */

export interface Fact<T = string> {
  value: T;
  /** 1-based line of the notice the fact was read from. */
  line: number;
}

export interface Parties {
  sender: Fact | null;
  principal: Fact | null;
  filer: Fact | null;
}

/** One line, as the patterns see it: markdown emphasis, headings, quotes, bullets and tags removed. */
interface Line {
  n: number;
  text: string;
}

const SUFFIX =
  /\b(?:inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|corp|corporation|co|company|s\.?a|s\.?a\.?s|b\.?v|ag|ab|llp|l\.l\.p|plc|pty|s\.r\.o|s\.l|kk|k\.k|oy|as|spa|s\.p\.a|srl|s\.r\.l|sdn bhd|pte|u\.a)\.?$/i;
/** Words that make a line an organisation's name when it stands alone (a signature block, an address). */
const ORG_WORD =
  /\b(?:inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|company|s\.a\.|b\.v\.|llp|plc|pty|s\.r\.o\.|studios?|software|technolog(?:y|ies)|systems|labs|press|university|publishing|publishers|association|foundation|group|games|entertainment|interactive|solutions|media|enterprises?|holdings|industries|security|networks)\b/i;
/** Phrases that are never a party: form prompts, legal boilerplate, redactions. */
const NOT_A_NAME =
  /private\]|\[private|redacted|\?|\b(?:please|describe|provide|addendum|dmca|notice|notification|copyright(?:ed)?|infring\w*|repositor\w*|github|penalty|perjury|authoriz\w+|good faith|signature|address|telephone|phone|email|e-mail|website|url|https?|www|party|notifying|information(?! technolog)|details|statement|declaration|contact|sincerely|regards|name|in-?charge|incharge|tel|fax|mobile|legal|support|staff|intellectual property|property rights|last company|title (?:&|and) company)\b/i;
const LOWER_START =
  /^(?:the|a|an|my|our|your|this|that|these|those|which|who|whom|all|any|its|his|her|their|i|we|you|it|to|of|in|on|for|and|or|as|by|with|from|yes|no)\b|^(?:Yes|No|I|We|My|Our|This|That|These|All|Any)\b/;

/** The normalised lines of a notice. */
export function noticeLines(text: string): Line[] {
  // What can be done to the whole text at once is (one pass each, not one per line).
  const whole = text
    .replace(/\[\s*(?:private|redacted)\s*\]/gi, '[private]')
    .replace(/<[^>\n]{1,200}>/g, ' ')
    .replace(/\*\*|__|`/g, '');
  return whole.split('\n').map((raw, i) => ({
    n: i + 1,
    text: /^[\w:/.?=&%~-]*$/.test(raw)
      ? raw
      : raw
          .replace(/^[\s>#*+-]+|^\s*\d{1,2}[.)]\s+/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
  }));
}

/** Where a captured name ends: a sentence end (not the dot of "Inc."), a clause, an explanation. */
const NAME_END = new RegExp(
  [
    // A sentence ends at a dot, but not the dot of "Inc." or of an initial ("J.P. Holdings").
    String.raw`(?<!\b(?:Inc|Ltd|Co|Corp|Bros|Int'l|St|No|S\.A|B\.V|s\.r\.o|L\.L\.C|U\.S|[A-Z]))\.(?=\s|$)`,
    // After an acronym in brackets: "Ministry of … Emiratisation (MOHRE) of the United Arab Emirates".
    String.raw`(?<=\([A-Z]{2,10}\))\s`,
    String.raw`\s+(?:as (?:agent|its|their|the|a|an)|acting|representing|who|which|that|whose|regarding|pursuant|hereinafter|\(hereinafter|\(collectively|\(the|https?)\b`,
    String.raw`\s+and as\b`,
    String.raw`\s+(?:created|uploaded|posted|leaked|copied|stole|made)\b|\s+without\b|\s+(?:in|since|from) (?:\d{4}|the year)\b`,
    String.raw`\s+(?:in|to|with|for|on|at|from|by|within|is|are|was|were|has|have|had|will|would|can|may|owns|and (?:am|is|are|its|their|his|her|has|have))\s+(?=[a-z(])`,
    String.raw`\s+and (?:we|I|our|my|one|some|all|many|several|authori[sz]ed|duly|hereby|part of)\b|\s+and (?=[a-z])`,
    String.raw`,\s+(?:the|a|an|who|which|and (?:am|its)|I|we|with|in|to|located|based|headquartered)\b|,\s+(?=[a-z])`,
    String.raw`\s+-\s+|\s+\||;|:\s|\s{2,}`,
  ].join('|'),
);

/** Words a name is never made of alone, and the lower-case words names join their parts with. */
const NOT_ALONE =
  /^(?:the|to|it|as|also|signed|author|abuse|they|he|she|additionally|proof|description|star|germany|however|therefore|furthermore|please|dear|hello|hi|yes|no|n\/a|none)$/i;
const JOINER = /^(?:of|and|de|du|des|la|le|del|der|van|von|di|da|do|y|e|et|für|for|the|on|in|at|&)$/;

/** Not a clause: one word that is never a name alone, or two lower-case words besides joiners ("Proof of me being informed"). */
function isNameLike(s: string): boolean {
  const words = s.split(' ');
  if (words.length === 1 && NOT_ALONE.test(s)) return false;
  if (/^(?:They|He|She|It|As|To|Also|Signed|Additionally|Proof)\b/.test(s)) return false;
  return (
    words
      .slice(1)
      .filter((w) => /^[a-z]/.test(w) && !JOINER.test(w) && !ORG_WORD.test(w) && !/^(?:private|pvt|research|institute)$/.test(w)).length < 2
  );
}

/** A clean organisation name, or null when what was captured is not one. */
export function cleanName(raw: string): string | null {
  // "Our Client, Star [private] Pvt. Ltd.": a name a redaction cuts in two is no name.
  if (/^[^.,;:\n[]{1,40}\s\[private\]\s*(?:[A-Z][\w.]*\s*){0,3}(?:Pvt|Ltd|Inc|LLC|Limited|GmbH|Co)\b/.test(raw.trim())) return null;
  let s = raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[“”"«»*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Wrapping and list marks: "[Kilpatrick Townsend & Stockton LLP]", "| Infosys Ltd.", "[5] Company", "/O'Reilly Media".
  s = s
    .replace(/^\(?(?:for and )?on behalf of\s+/i, '')
    .replace(/^c\/o\s+/i, '')
    .replace(/^(?:[a-z]+ )?(?:team|department|division) of (?:the )?(?=[A-Z])/, '')
    .replace(/^(?:\[\d{1,3}\]\s*)?[|/\\[\s]+(?!private\])/i, '')
    .replace(/[\]=]+$/, '')
    .split(/（/)[0]!
    // "Droggol (www.droggol.com) We have…": a site in brackets ends the name.
    .split(/\s*\(\s*(?:https?:|www\.|[\w-]+\.(?:com|net|org|io)\b)/i)[0]!;
  s = s.split(NAME_END)[0]!;
  const domain = /^[\w-]+\.(?:com|dev|io|net|org|app|co)\b/i.exec(s);
  if (domain) s = domain[0];
  // The first legal form ends the name: "Sitecore USA, Inc. and Sitecore Corporation A/S" is two parties.
  s = s
    .replace(/\s+d(?:\/b\/a\b.*)?$/, '')
    .replace(/\s+(?:employees|staff|team)$/i, '')
    // A title before the company: "CEO/Founder THAVIS GmbH & Co. KG"
    .replace(
      /^(?:(?:co-?)?founder|ceo|cto|coo|president|owner|managing director|director|general counsel)(?:\s*[/&]\s*(?:(?:co-?)?founder|ceo|cto|coo|president|owner))*,?\s+(?=[A-Z])/i,
      '',
    );
  const suffix = /\b(?:Inc|Ltd|LLC|GmbH|Corp|S\.A|B\.V|s\.r\.o|Pty Ltd|Co\.,\s?Ltd|Company Limited|Limited|Incorporated)\.?(?=\s|,|$)/.exec(
    s,
  );
  if (suffix) s = s.slice(0, suffix.index + suffix[0].length);
  // A department is not the party: "AWS IT Security" is AWS; "Operational Security" alone is nobody.
  s = s.replace(
    /(?:^|\s+)(?:(?:IT|Information|Operational|Cyber) Security(?: Operations)?|(?<=\S\s+)Anti-Piracy|(?:Security|Legal|Compliance|Brand Protection|Anti-Piracy) (?:Team|Department|Dept\.?|Division))$/,
    '',
  );
  s = s.replace(/\s+(?:and|or|of|the)$/i, '');
  s = s.replace(/[\s,;:]+$/, '').replace(/^[\s,;:.'-]+/, '');
  if (!SUFFIX.test(s)) s = s.replace(/\.+$/, '');
  s = s.replace(/\s*\((?!RIAA\)|APA\)|MOHRE\))[^)]*\)?$/, '');
  if (!s || s.length < 2 || s.length > 80) return null;
  // "Glodon's" is Glodon.
  s = s.replace(/['’]s$/, '');
  if (s.split(' ').length > 9 || NOT_A_NAME.test(s) || LOWER_START.test(s) || /^The [a-z]/.test(s)) return null;
  if (!isNameLike(s)) return null;
  if (!/[A-Za-z]/.test(s) || /^\d+(?:[\s.,:/-]|$)/.test(s) || !/^[\p{L}\p{N}]/u.test(s)) return null;
  if (/^(?:the )?(?:company|organi[sz]ation|corporation|firm|client|owner|agent)$/i.test(s)) return null;
  if (/^(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(s)) return null;
  // A legal form alone ("Ltd"), or a thing rather than its owner ("the Incredibox brand", "Stewart Private License").
  if (
    /^(?:inc|llc|ltd|limited|gmbh|corp|co|plc|llp)\.?$/i.test(s) ||
    /\s(?:brand|brands|product|products|trademark|logo|license|licence|agreement|terms|library|framework|plugin|extension|app|website|module|investigation|course|class)$/i.test(
      s,
    ) ||
    /^(?:ipr?|copyright|rights?)\s+(?:owner|holder)s?$/i.test(s)
  )
    return null;
  return s;
}

/** Same party: case, punctuation, spaces and legal suffixes aside. */
export function sameParty(a: string, b: string): boolean {
  const norm = (x: string) => {
    const words = x
      .toLowerCase()
      .replace(/\b(?:s\.\s?r\.\s?o|s\.\s?a\.\s?s|s\.\s?p\.\s?a|s\.\s?r\.\s?l|b\.\s?v|s\.\s?a|l\.\s?l\.\s?c|l\.\s?l\.\s?p)\.?$/, (m) =>
        m.replace(/[^a-z]/g, ''),
      )
      .replace(/\.(?:com|dev|io|net|org|app|co)$/, '')
      .replace(/[^a-z0-9& ]+/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    while (
      words.length > 1 &&
      /^(?:inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|co|company|sa|bv|ag|ab|llp|plc|pty|sro|sas|spa|srl|kg|&|the)$/.test(
        words.at(-1)!,
      )
    )
      words.pop();
    if (words[0] === 'the' && words.length > 1) words.shift();
    return words.join('');
  };
  return norm(a) === norm(b);
}

type Role = 'sender' | 'principal';
interface Candidate {
  role: Role;
  value: string;
  line: number;
  /** Higher wins within a role. */
  weight: number;
  /** A signature line with no mark of an organisation (it may be a title): dropped when a principal is stated. */
  weak?: boolean;
  /** Named as the one represented: the principal when someone else is the sender. */
  flex?: boolean;
}

/** The value of a labelled field: after the colon, else on the next non-empty line. */
function fieldValue(lines: Line[], i: number, afterColon: string): { value: string; line: number } | null {
  if (afterColon.trim()) return { value: afterColon, line: lines[i]!.n };
  for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) if (lines[j]!.text) return { value: lines[j]!.text, line: lines[j]!.n };
  return null;
}

const FIELDS: [RegExp, Role, number][] = [
  [
    /^(?:rights? ?holders?|copyright (?:owner|holder)s?(?: name)?(?:\(s\))?(?: or exclusive licensee)?|name of (?:the )?(?:copyright (?:owner|holder)|injured party|(?:IPR|IP|rights?) owner)|copyright holder you represent|client(?: name| information)?|on behalf of|organi[sz]ation represented|owner of (?:the )?copyright)\s*:(.*)$/i,
    'principal',
    6,
  ],
  [
    /^(?:company(?: name)?|organi[sz]ation(?: name)?|complainant(?: unit)?|sender|agent company|law firm|firm|business name|title (?:&|and) company)\s*:(.*)$/i,
    'sender',
    6,
  ],
  // "Contact information: CTM360 [private]"
  [/^contact information\s*:(.+)$/i, 'sender', 2],
];

/** A name as the phrasings capture it (cleanName decides where it ends and whether it is one). */
const N = String.raw`([A-Z0-9][\w&.,'’ ()+-]{1,90})`;
/** A name of capitalised words with an optional legal form, for phrasings that start mid-paragraph ("Casio Computer Co., Ltd."). */
const CAPS = String.raw`([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,5}(?:,?\s+(?:Co\.,?\s?Ltd|Inc|LLC|Ltd|Corp|GmbH|S\.A|B\.V|U\.A)\.?)?)`;
const rx = (src: string, flags = '') => new RegExp(src.replace(/NAME/g, N).replace(/CAPS/g, CAPS), flags);
/** Someone's role before "of X" / "for X": the redacted title, "an employee", "the founder and CEO"… */
const ROLE = String.raw`(?:(?:an?|the|and|one|of|\[private\]|\(employee\)|employee|member|representative|founder|owner|director|manager|ceo|cto|head|lead|developer|officer|counsel|engineer|staff|team|part|authori[sz]ed)[ ,]+){1,6}`;
/** "I am", "I'm", "I, [private], am". */
const I_AM = String.raw`\bI(?:'m|’m| am|, \[private\], am)(?: also)?`;

/** Phrasings that name a party, in running text. Each captures a name; some a second one in another role. */
/**
 * `brand`: a name may start lower-case if it has a capital or a legal form. `suffix`: kept only with a legal form.
 * `org`: not kept when it reads as a person's name ("written by Jason Brownlee"). `flex`: a sender that becomes
 * the principal when another party is the sender ("from iZOOlogic … I am an authorized representative of Nykaa").
 */
interface Phrase {
  re: RegExp;
  role: Role;
  weight: number;
  second?: Role;
  brand?: boolean;
  suffix?: boolean;
  org?: boolean;
  flex?: boolean;
  /** Kept only when the name has a word of an organisation or a legal form. */
  orgWord?: boolean;
}
const PHRASES: Phrase[] = [
  // "Casio Computer Co., Ltd., the copyright holder, has authorized SNB-REACT U.A. to act … on its behalf"
  {
    re: rx(String.raw`\bCAPS,? (?:the )?(?:copyright (?:holder|owner)|rights? ?holder),? (?:has )?authori[sz]ed (?:the )?CAPS to act`),
    role: 'principal',
    weight: 6,
    second: 'sender',
  },
  // "an official message from Easy Solutions, on behalf of our client…"
  { re: rx(String.raw`\b(?:message|notice|letter|notification) from NAME,? on behalf of`), role: 'sender', weight: 5 },
  // "My name is [private] from iZOOlogic security company"
  {
    re: new RegExp(
      String.raw`\b(?:[Mm]y name is|I am|I'm) \[private\],? (?:from|of|at|with) ([\w][\w&.'’ -]{1,40}?) (?:security |law |legal |anti-piracy )?(?:company|firm|agency)\b`,
    ),
    role: 'sender',
    weight: 5,
    brand: true,
  },
  // "… who is a Member of the BSA Business Software Alliance", "our member Microsoft"
  { re: rx(String.raw`\bwho is a [Mm]ember of (?:the )?NAME`), role: 'sender', weight: 4 },
  { re: rx(String.raw`\bour member,? NAME`), role: 'principal', weight: 5 },
  // "I am the Chang Sha Ding Cheng, Software Co., Ltd." — a company's own voice, only with its legal form
  {
    re: rx(
      String.raw`\bI am the (?:[\w-]+(?: [\w-]+)? of )?([A-Z][\w&.,'’ -]{1,60}?(?:Co\.,\s?Ltd|Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH)\.?)(?=[\s,("“]|$)`,
    ),
    role: 'sender',
    weight: 4,
    suffix: true,
  },
  // "Machine Learning Mastery is part of Guiding Tech Media"
  { re: rx(String.raw`^NAME (?:is|are) (?:a )?part of (?:the )?[A-Z]`), role: 'sender', weight: 3 },
  // "[private] own the authentication service KeyAuth LLC"
  {
    re: rx(String.raw`\bown(?:s)? the (?:[\w-]+ ){0,3}(?:service|company|business|platform|software|studio) NAME`),
    role: 'sender',
    weight: 3,
  },
  // "I authorized by SMARTEX INTERNATIONAL LTD (owner of the copyright)"
  {
    re: rx(String.raw`\b(?:I|[Ww]e)(?: am| are| was| were| have been| has been|'m)? (?:duly )?authori[sz]ed by (?:the )?NAME`),
    role: 'principal',
    weight: 3,
  },
  // "Cyveillance is authorized to act on behalf of QUALCOMM…", "Looking Glass Cyber Solutions represents Comcast"
  {
    re: rx(
      String.raw`^NAME (?:is|are) (?:an? )?(?:authori[sz]ed (?:agent|to act) (?:on behalf )?of|the authori[sz]ed agent of|acting on behalf of) (?:the )?NAME`,
    ),
    role: 'sender',
    weight: 6,
    second: 'principal',
  },
  { re: rx(String.raw`^NAME represents (?:the )?NAME`), role: 'sender', weight: 6, second: 'principal' },
  // "We are writing on behalf of Sportian, representing the audiovisual rights of LaLiga": the agent, then its principal.
  {
    re: rx(String.raw`\bon behalf of NAME,? representing the (?:[\w-]+ )?(?:interests|rights) of (?:the )?NAME`),
    role: 'sender',
    weight: 6,
    second: 'principal',
  },
  // "Alianza and Alianza members duly authorize NAGRA to act on their behalf"
  { re: rx(String.raw`\bduly authori[sz]e ([A-Z][\w&.' -]{1,40}) to act on (?:its|their) behalf`), role: 'sender', weight: 6 },
  { re: rx(String.raw`^([A-Z][\w&.' -]{1,40}) and [\w ]{0,30}members duly authori[sz]e`), role: 'principal', weight: 6 },
  { re: rx(String.raw`\(entrusted by NAME\)`), role: 'principal', weight: 6 },
  { re: rx(String.raw`\b(?:[Oo]ur|[Mm]y) [Cc]lient,? ["“'‘]?NAME`), role: 'principal', weight: 5 },
  { re: rx(String.raw`\brepresenting our client ["“]?NAME`), role: 'principal', weight: 5 },
  { re: rx(String.raw`\bThis (?:firm|company|agency) represents NAME`), role: 'principal', weight: 5 },
  { re: rx(String.raw`\b(?:I|We) represent NAME`), role: 'principal', weight: 5 },
  // "we are authorized to act on Nintendo of America Inc.'s behalf", "[private] for copyright owner, Nintendo of America Inc."
  { re: rx(String.raw`\bon ([A-Z][\w&.,' -]{1,60}?)['’]s behalf`), role: 'principal', weight: 4 },
  { re: rx(String.raw`\bfor (?:the )?copyright (?:owner|holder),? NAME`), role: 'principal', weight: 4 },
  // "We are from iZOOlogic Incorporated", "I, [private], am employed by Parallels"
  { re: new RegExp(String.raw`\b[Ww]e are from ([\w][\w&.,'’ -]{1,60})`), role: 'sender', weight: 5, brand: true },
  // "Work that is infringed upon: Property of In The Door, Inc."
  { re: rx(String.raw`(?:^|:[\s*_]*)Property of (?:the )?NAME`), role: 'principal', weight: 3 },
  // "Sony Computer Entertainment America LLC ("SCEA") has recently learned", "SpaFinder Wellness, Inc. ("SpaFinder") hereby notifies"
  { re: rx(String.raw`^NAME \(["“][A-Z][\w&.+-]{1,20}["”]\) (?:has|have|hereby|is|are|writes|submits)\b`), role: 'sender', weight: 3 },
  // "This is [private] from Zamplus which…"
  { re: rx(String.raw`\bThis is \[private\],? (?:from|of|at|with) NAME`), role: 'sender', weight: 4 },
  // "On behalf of Russian Shield Association as an agent for 1C-Bitrix LLC"
  {
    re: rx(String.raw`\b[Oo]n [Bb]ehalf of (?:the )?NAME as (?:an? )?agent (?:for|of) (?:the )?NAME`),
    role: 'sender',
    weight: 6,
    second: 'principal',
  },
  // "I represent the non-profit organization Association "Russian Shield""
  {
    re: rx(String.raw`\b(?:I|We) represent the (?:[\w-]+ ){0,2}(?:organi[sz]ation|association|foundation|company|agency|firm) ["“]?NAME`),
    role: 'sender',
    weight: 5,
  },
  // "[private] Lunatio, the developer and copyright owner of phpAnalytics"
  {
    re: rx(
      String.raw`\bNAME, the (?:sole )?(?:developer|author|creator|publisher|owner)(?: and (?:sole )?(?:copyright )?(?:owner|holder))? of\b`,
    ),
    role: 'principal',
    weight: 3,
    org: true,
  },
  { re: rx(String.raw`\b(?:am|is|are) employed (?:by|at|with) (?:the )?NAME`), role: 'sender', weight: 4 },
  { re: rx(String.raw`\b(?:attorney|counsel|lawyer|agent|firm) who represents NAME`), role: 'principal', weight: 5 },
  { re: rx(String.raw`\b[Rr]epresenting (?:my|our|the) (?:company|employer),?\s*NAME`), role: 'sender', weight: 6 },
  { re: rx(String.raw`\bon behalf of (?:my|our) (?:employer|company),?\s*\[?NAME`), role: 'sender', weight: 6 },
  {
    re: rx(
      String.raw`(?<!\bTo [\w ]{1,40})\bon (?:the )?[Bb]ehalf of (?:the )?(?:(?:rights? ?holder|copyright (?:owner|holder))[ ,]+)?NAME`,
    ),
    role: 'principal',
    weight: 4,
  },
  { re: rx(String.raw`\bauthori[sz]ed agent (?:of|for) (?:the )?NAME`), role: 'principal', weight: 4 },
  { re: rx(String.raw`\bBy order (?:from|of) (?:the )?NAME`), role: 'principal', weight: 4 },
  // "I am an employee of X", "I am the [private] of X", "I'm [private] from X", "I am a [private] at X"
  {
    re: rx(
      String.raw`${I_AM} ${ROLE}(?:of|at|for|from|with|in) (?:the (?:sole )?(?:copyright owner|company|firm|organi[sz]ation|foundation|association),? |the (?=[A-Z]))?NAME`,
    ),
    role: 'sender',
    weight: 4,
  },
  // A title and its company: "co-founder and CTO at Yanka Industries"
  {
    re: rx(String.raw`\b(?:co-?founder|founder|ceo|cto|coo|president|director|general counsel)(?: and [\w-]+)? (?:at|of) NAME`),
    role: 'sender',
    weight: 3,
  },
  { re: rx(String.raw`\b[Ww]e are (?:a )?part of NAME`), role: 'sender', weight: 4 },
  { re: rx(String.raw`\b[Ee]ntrusted by NAME`), role: 'principal', weight: 4 },
  // "The National Professional Football League, (hereinafter, LaLiga)", "X, with domicile in"
  { re: rx(String.raw`^NAME,? \(hereinafter,? ["“]?[A-Z][\w ]{1,30}["”]?\)`), role: 'sender', weight: 4 },
  { re: rx(String.raw`^NAME, with (?:domicile|registered office|its registered office) (?:in|at)\b`), role: 'sender', weight: 4 },
  {
    re: rx(String.raw`\b(?:an? |the )?(?:[Ee]mployee|representative|member) (?:of|at|in) (?:the (?:sole )?copyright owner,? )?NAME`),
    role: 'sender',
    weight: 3,
  },
  // Brand names that start lower-case ("rixCloud, Inc.", "coconala Inc."): kept only with a capital or a legal suffix (see candidates).
  {
    re: new RegExp(String.raw`\bI(?:'m|’m| am) ${ROLE}(?:of|at|for|from) ([a-z][\w&.,'’ -]{1,60})`),
    role: 'sender',
    weight: 4,
    brand: true,
  },
  // "I am Educative's [private]", "I'm [private] of the authentication system KeyAuth"
  { re: rx(String.raw`${I_AM} ([A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,3})['’]s \[private\]`), role: 'sender', weight: 4 },
  {
    re: rx(
      String.raw`\bI(?:'m|’m| am) (?:the )?\[private\] of the (?:authentication |licensing )?(?:system|service|platform|product|software) NAME`,
    ),
    role: 'sender',
    weight: 3,
  },
  { re: rx(String.raw`\bWe,? NAME, are (?:the )?`), role: 'sender', weight: 6 },
  { re: rx(String.raw`\bWe are (?:the team from )?([A-Z][\w&.' -]{1,40}?)(?: company)?[,.]`), role: 'sender', weight: 4 },
  { re: rx(String.raw`\b(?:[Mm]y|[Oo]ur) company,? NAME`), role: 'sender', weight: 5 },
  { re: rx(String.raw`\bthe owner of ([A-Z][\w&.' -]{1,40}) company\b`), role: 'sender', weight: 4 },
  { re: rx(String.raw`\b(?:authori[sz]ed|duly authori[sz]ed) representative of NAME`), role: 'sender', weight: 4, flex: true },
  {
    re: rx(
      String.raw`^NAME (?:is|are) the (?:sole |exclusive )?(?:copyright (?:owner|holder)|owner of (?:the|all|an?)|exclusive rights? holder)`,
    ),
    role: 'principal',
    weight: 4,
  },
  { re: rx(String.raw`^NAME owns (?:these|this|the|all)\b`), role: 'principal', weight: 4 },
  { re: rx(String.raw`\bexclusively licensed to ([A-Z][\w&.' -]{1,40})`), role: 'principal', weight: 3 },
  {
    re: rx(
      String.raw`\b(?:copyrighted (?:work|property|material)|intellectual property|(?:is|are) the (?:sole |exclusive )?property) of (?:the )?NAME`,
    ),
    role: 'principal',
    weight: 3,
  },
  { re: rx(String.raw`\bowned(?:,| by)? (?:copyrighted,? and trademarked )?by (?:the )?NAME`), role: 'principal', weight: 2 },
  { re: rx(String.raw`\bThe original copyrighted work is ([A-Z][\w&.,' -]{1,60})['’]s\b`), role: 'principal', weight: 3 },
  { re: rx(String.raw`\bscope of enforcement is for \w+ within NAME`), role: 'principal', weight: 4 },
  { re: rx(String.raw`\bComplainant ?:\s*NAME`), role: 'sender', weight: 6 },
  // "I am a partner at the law firm of X", "Our firm represents Y"
  { re: rx(String.raw`\b(?:partner|associate|attorney|counsel) (?:at|with|of) the (?:law )?firm of NAME`), role: 'sender', weight: 5 },
  { re: rx(String.raw`\b(?:Our|My) (?:law )?firm represents (?:the )?NAME`), role: 'principal', weight: 5 },
  // "an authorized rep of MCSL", "Authorized Agent for Pluralsight, LLC."
  { re: rx(String.raw`\b[Aa]uthori[sz]ed rep(?:resentative)? (?:of|for) (?:the )?NAME`), role: 'sender', weight: 4 },
  { re: rx(String.raw`\bAuthori[sz]ed Agent (?:of|for) (?:the )?NAME`), role: 'principal', weight: 4 },
  // "As owner of the company TMS software", "the owner of the company X"
  { re: new RegExp(String.raw`\b[Oo]wner of the company ([A-Z][\w&.'’-]*(?: [\w&.'’-]+){0,3})`), role: 'sender', weight: 4 },
  // "copyrighted by Porch", "font software copyrighted by Mark Simonson Studio"
  { re: rx(String.raw`\bcopyrighted by (?:the )?NAME`), role: 'principal', weight: 2 },
  // "on behalf of the copyright owner (Bayer)"
  { re: rx(String.raw`\bon behalf of the (?:copyright owner|rights? ?holder) \(NAME\)`), role: 'principal', weight: 5 },
  // "[private] of security team of Shuguang Group", "[private] department of the Russian Shield Association"
  { re: rx(String.raw`\b(?:team|department|division|office) of (?:the )?NAME`), role: 'sender', weight: 3 },
  // "the Industrial Protection Department of CANAL+ Group" (not "Department of Computer Science"): only an organisation's name
  { re: rx(String.raw`\b[A-Z][\w-]+ (?:Team|Department|Division|Office) of (?:the )?NAME`), role: 'sender', weight: 3, orgWord: true },
  // "representing the interests of a member of the association - Erlivideo LLC", "representing the audiovisual rights of LaLiga"
  {
    re: rx(
      String.raw`\brepresenting the (?:[\w-]+ )?(?:interests|rights) of (?:(?:a|one) member of the [\w ]{1,30}?\s+[-–]\s+)?(?:the )?NAME`,
    ),
    role: 'principal',
    weight: 5,
  },
  // "I am part of the Georgia Tech [private]", "DevSkiller employee"
  { re: rx(String.raw`${I_AM} part of (?:the )?([A-Z][\w&.' -]{1,40}?)(?= \[private\]|[,.]|$)`), role: 'sender', weight: 3 },
  { re: rx(String.raw`^([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}) employee$`), role: 'sender', weight: 3 },
  // "on who's behalf FontData is acting": the agent
  { re: rx(String.raw`\bwho(?:'s|se|’s) behalf ([A-Z][\w&.' -]{1,40}?) is acting\b`), role: 'sender', weight: 4 },
  // "the code for the leaderboard product developed and sold globally by Spinify"
  {
    re: rx(
      String.raw`\b(?:developed|created|published|produced|written and [a-z]+)(?: and [a-z]+)?(?: globally| exclusively)? by (?:the )?NAME`,
    ),
    role: 'principal',
    weight: 1,
  },
  // "books written by Jason Brownlee": an author is mostly a person
  { re: rx(String.raw`\b(?:written|authored) by (?:the )?NAME`), role: 'principal', weight: 1, org: true },
  // "X is the creator and copyright holder of the work"
  {
    re: rx(String.raw`^NAME (?:is|are) the (?:creator|author|developer|publisher) (?:and|&) (?:copyright|rights?) (?:holder|owner)`),
    role: 'principal',
    weight: 4,
  },
];

/**
 * A word every phrasing above needs: text without one is not matched against them (most lines of a long
 * notice are URLs and descriptions; this keeps the whole corpus at a few seconds).
 */
const TRIGGER =
  /behalf|represent|authori[sz]|client|entrust|firm|compan|agency|employ|founder|ceo|cto|coo|president|director|counsel|owner|holder|part of|hereinafter|domicile|registered office|\bi(?:'m|’m| am|, \[private\])|\bwe\b|owns|licensed|propert|owned|order (?:from|of)|members|complainant|enforcement|copyrighted by|developed|created|written|published|produced|rep |department|division|team|part of|employee|creator|message from|notice from|letter from|my name is|member|\bown\b|i am the|we are from|employed|hereby|recently|this is \[private\]|contact information/;
/** Case-blind, on lower case: irregexp's case-insensitive alternation is several times slower. */
const triggered = (text: string) => TRIGGER.test(text.toLowerCase());

/** A legal form of company, the strongest sign a line is an organisation's name. */
const STRONG_SUFFIX = /\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|s\.a|b\.v|pty|s\.r\.o|plc|llp|sas|co\.,\s?ltd)\.?(?:,)?$/i;
const ANY_SUFFIX = /\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|s\.a|b\.v|pty|s\.r\.o|plc|llp|sas)\b/i;
/** Address and contact lines are not organisations. */
const ADDRESS =
  /\b(?:street|st\.|road|rd\.|avenue|ave\.?|suite|floor|building|blvd|box|park|district|province|city|united (?:states|kingdom)|usa|china|india|germany|france|japan|switzerland|cyprus|[A-Z]{2} \d{5})\b|\d{3,}/i;

const CLOSING =
  /^(?:sincerely|regards|best regards|kind regards|warm regards|yours (?:truly|faithfully|sincerely)|respectfully|thank you|thanks|truthfully|best|cheers|signed|\/\/signed\/\/|with regards)[,.!]?$/i;
/** Lines of a form where the sender may put their company (with an address). */
const ADDRESS_PROMPT =
  /^(?:signature:?$|so that (?:we|the complaining party) can get back to you|please provide a (?:physical address|telephone number)|please type your full (?:legal )?name|my contact information|contact information|copyright information)/i;

function orgLine(text: string): string | null {
  if (!text || text.length > 90 || /^\[?private\]?$/i.test(text)) return null;
  // "[private], Analyst" / "[private], UNISOC": what follows a redacted name.
  const after = /^\[private\](?:\s*,\s*|\s+)(?:for and on behalf of\s+)?(.+)$/i.exec(text)?.[1];
  const candidate = (after ?? text).replace(/(?<![A-Z]\.?[A-Za-z]{0,3})\.$/, '');
  if (!ORG_WORD.test(candidate) && !/^[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*){0,4}$/.test(candidate)) return null;
  const name = cleanName(candidate.replace(/\s+as its [\w ]+$/i, ''));
  if (!name) return null;
  // A person's role, not an organisation ("Analyst", "Managing Director").
  if (
    !ORG_WORD.test(name) &&
    /\b(?:analyst|director|manager|officer|counsel|attorney|agent|ceo|cto|founder|owner|president|head|lead|engineer|developer)\b/i.test(
      name,
    )
  )
    return null;
  return name;
}

/** Organisation lines in the signature block (after a closing) or in a form's contact answer. */
function signatureCandidates(lines: Line[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    // "Signed, [private], Managing Director, Brent Ozar Unlimited": the last segment that is an organisation.
    const signed = /^(?:\d{1,2}[.)]\s*)?(?:signed|signature)\s*[,:\-–]\s*(.+)$/i.exec(t.replace(/\*/g, ''))?.[1];
    if (signed) {
      for (const seg of signed.split(/\s*,\s*/).reverse()) {
        const name = orgLine(seg);
        if (name) {
          out.push({ role: 'sender', value: name, line: lines[i]!.n, weight: 3 });
          break;
        }
      }
    }
    // "Co-founder, Instagram": a title, then its organisation, on one line.
    const titled =
      /^(?:co-?founder|founder|ceo|cto|coo|president|general counsel|managing director|owner)\s*,\s*([A-Z][\w&.' -]{1,50})$/i.exec(t)?.[1];
    const org = titled ? cleanName(titled) : null;
    if (org) out.push({ role: 'sender', value: org, line: lines[i]!.n, weight: 3 });
    if (/^By order (?:from|of) the copyright holder$/i.test(t)) {
      const next = lines.slice(i + 1).find((l) => l.text);
      const name = next ? cleanName(next.text.split(/,\s*\[private\]/)[0]!) : null;
      if (next && name) out.push({ role: 'principal', value: name, line: next.n, weight: 5 });
    }
    const closing = CLOSING.test(t);
    const prompt = ADDRESS_PROMPT.test(t);
    if (!closing && !prompt) continue;
    for (let j = i + 1, seen = 0; j < lines.length && seen < 9; j++) {
      const l = lines[j]!.text;
      if (!l) continue;
      seen++;
      if (j > i + 1 && (ADDRESS_PROMPT.test(l) || /\?$/.test(l))) break;
      // "[private] for and on behalf of J.P. Holdings Int'l Ltd as its Director"
      const behalf = /\bfor and on behalf of ([A-Z][\w&.,' -]{1,60})/.exec(l)?.[1];
      const name = behalf ? cleanName(behalf.replace(/\s+as its [\w ]+$/i, '')) : orgLine(l);
      if (name) {
        out.push({
          role: 'sender',
          value: name,
          line: lines[j]!.n,
          weight: closing ? 3 : 2,
          ...(ORG_WORD.test(name) ? {} : { weak: true }),
        });
        break;
      }
    }
  }
  return out;
}

/** A company named on its own line right after a redacted name ("[private]\nLyft, Inc."), or with a legal suffix near the end. */
function standaloneCandidates(lines: Line[]): Candidate[] {
  const out: Candidate[] = [];
  // A law firm's letterhead on the first lines ("Wells IP Law").
  for (const l of lines.filter((x) => x.text).slice(0, 3)) {
    const firm = /^([A-Z][\w&.,' -]{2,50}?(?: IP)? (?:Law|LLP|Legal|Law Firm|Attorneys(?: at Law)?|& Associates))\b/.exec(l.text)?.[1];
    const name = firm ? cleanName(firm) : null;
    if (name) out.push({ role: 'sender', value: name, line: l.n, weight: 4 });
  }
  const nonEmpty = lines.filter((l) => l.text);
  nonEmpty.forEach((l, k) => {
    const prev = nonEmpty[k - 1]?.text ?? '';
    const afterRedaction =
      /\[private\](?:[\s,]*[\w ]{0,30})?$/i.test(prev) && /^(?:\[private\]|sender:|name:|from:|signed:?|[/\s]*\[private\]\/?)/i.test(prev);
    // Cheap first: most lines have no legal suffix and follow no redaction.
    if (!afterRedaction && !ANY_SUFFIX.test(l.text)) return;
    const text = l.text
      .replace(/^(?:[A-Z]\s*\|\s*|company:\s*)/i, '')
      .split(/\s+\|\s+|\[private\]/)[0]!
      .trim();
    const shortWithSuffix = STRONG_SUFFIX.test(text) && text.split(' ').length <= 6;
    if (!afterRedaction && !shortWithSuffix) return;
    const name = orgLine(text);
    if (name && !ADDRESS.test(name)) out.push({ role: 'sender', value: name, line: l.n, weight: afterRedaction ? 2 : 1 });
  });
  return out;
}

/** Every candidate, for debugging the rules (`vite-node` one-liners). */
export function partyCandidates(text: string): Candidate[] {
  return candidates(noticeLines(text));
}

/**
 * Paragraphs: consecutive non-empty lines joined (letters wrap their sentences), each with the line it
 * starts on and where each of its lines begins, so a match reports the line it starts on.
 */
const PARAGRAPH_MAX = 2000;
function paragraphs(lines: Line[]): { text: string; lineAt(offset: number): number }[] {
  const out: { text: string; lineAt(offset: number): number }[] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (!cur.length) return;
    const parts = cur;
    const starts: number[] = [];
    let text = '';
    for (const l of parts) {
      starts.push(text.length);
      text += (text ? ' ' : '') + l.text;
      if (starts.length > 1) starts[starts.length - 1]! += 1;
    }
    out.push({
      text,
      lineAt(offset) {
        let k = 0;
        while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
        return parts[k]!.n;
      },
    });
    cur = [];
  };
  for (const l of lines) {
    // A line of one token that is no word (a URL of a list, a number) is no sentence: it ends the paragraph.
    if (l.text && (l.text.includes(' ') || !/:\/\/|^www\.|\.(?:com|org|net|io)\/|^[\d.)-]+$/i.test(l.text))) cur.push(l);
    else flush();
    // Who sends a notice is said in its first sentences: a paragraph is read up to about 2,000 characters.
    if (cur.reduce((a, x) => a + x.text.length, 0) > PARAGRAPH_MAX) flush();
  }
  flush();
  return out;
}

/** "Jason Brownlee": two or three capitalised words with no mark of an organisation. */
const PERSON = /^[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2}$/;

/** The candidates one phrasing's match gives. */
function fromPhrase(p: Phrase, m: RegExpExecArray, line: number): Candidate[] {
  const out: Candidate[] = [];
  const a = cleanName(m[1]!);
  const ok =
    !!a &&
    (!p.brand || /[A-Z]/.test(a) || STRONG_SUFFIX.test(a)) &&
    (!p.suffix || STRONG_SUFFIX.test(a) || /\bLimited$/.test(a)) &&
    (!p.org || ORG_WORD.test(a) || !PERSON.test(a)) &&
    (!p.orgWord ||
      ORG_WORD.test(a) ||
      STRONG_SUFFIX.test(a) ||
      /^[A-Z][a-z]*[A-Z0-9][\w]*$/.test(a) ||
      /\b(?:companhia|compagnie|insurance|bank|institute|college|agency)\b/i.test(a));
  if (a && ok) out.push({ role: p.role, value: a, line, weight: p.weight, ...(p.flex ? { flex: true } : {}) });
  const b = p.second && m[2] ? cleanName(m[2]) : null;
  if (b && p.second) out.push({ role: p.second, value: b, line, weight: p.weight });
  return out;
}

function candidates(lines: Line[]): Candidate[] {
  const out: Candidate[] = [];
  for (const para of paragraphs(lines)) {
    if (!triggered(para.text)) continue;
    for (const p of PHRASES) {
      // Each sentence start (^) of a paragraph is a line start too: match per line for anchored phrases.
      const m = p.re.source.startsWith('^') ? null : p.re.exec(para.text);
      if (!m) continue;
      out.push(...fromPhrase(p, m, para.lineAt(m.index)));
    }
  }
  lines.forEach((l, i) => {
    // Fields and phrasings have a colon or a space; a lone token (most lines of a long URL list) has neither.
    if (!l.text.includes(' ') && !l.text.includes(':')) return;
    for (const [re, role, weight] of FIELDS) {
      const m = re.exec(l.text);
      if (!m) continue;
      const v = fieldValue(lines, i, (m[1] ?? '').replace(/^\s*(?:\[private\][\s;,]*)+/, '').split(/\s*\[private\]/)[0]!);
      if (!v) continue;
      // "Attributor Corporation as agent for American Psychological Association (APA)"
      const agentFor = /^(.+?) as agent for (?:the )?(.+)$/i.exec(v.value);
      const first = cleanName(agentFor ? agentFor[1]! : v.value);
      if (first) out.push({ role, value: first, line: v.line, weight });
      const second = agentFor && !/rights holders listed/i.test(agentFor[2]!) ? cleanName(agentFor[2]!) : null;
      if (second) out.push({ role: 'principal', value: second, line: v.line, weight });
    }
    if (!triggered(l.text)) return;
    for (const p of PHRASES) {
      if (!p.re.source.startsWith('^')) continue;
      const m = p.re.exec(l.text);
      if (m) out.push(...fromPhrase(p, m, l.n));
    }
  });
  return [...out, ...signatureCandidates(lines), ...standaloneCandidates(lines)];
}

/** The best candidate of a role: highest weight, then the earliest line. */
function best(list: Candidate[], role: Role): Candidate | null {
  let top: Candidate | null = null;
  for (const c of list) if (c.role === role && (!top || c.weight > top.weight || (c.weight === top.weight && c.line < top.line))) top = c;
  return top;
}

/** Initials of a name without its legal form: "Sony Computer Entertainment America LLC" → "SCEA". */
const initials = (name: string) =>
  name
    .replace(/,?\s+(?:inc|llc|ltd|limited|gmbh|corp|corporation|co|s\.a|b\.v|plc|llp)\.?$/i, '')
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');

/** An abbreviation ("SCEA") becomes the full name the notice gives elsewhere, when one spells it out. */
function fuller(c: Candidate | null, list: readonly Candidate[]): Candidate | null {
  if (!c || !/^[A-Z]{2,6}$/.test(c.value)) return c;
  const full = list.find((x) => x.value.length > c.value.length && initials(x.value) === c.value);
  return full ? { ...c, value: full.value } : c;
}

export function extractParties(text: string, kind: string): Parties {
  const lines = noticeLines(text);
  if (kind === 'reversal') {
    const i = lines.findIndex((l) =>
      /\bGitHub (?:has|have) (?:reversed|reconsidered|reinstated|decided to reject)|^GitHub Staff$/i.test(l.text),
    );
    return { sender: null, principal: null, filer: i >= 0 ? { value: 'GitHub', line: lines[i]!.n } : null };
  }
  const list = candidates(lines);
  let sender = best(list, 'sender');
  let principal = best(list, 'principal');
  if (sender?.weak && principal)
    sender = best(
      list.filter((c) => !c.weak),
      'sender',
    );
  // "I am an authorized representative of Nykaa" from a sender named otherwise: Nykaa is who it acts for.
  const represented = sender && !sender.flex ? list.find((c) => c.flex && !sameParty(c.value, sender!.value)) : undefined;
  if (represented && (!principal || principal.weight < represented.weight)) principal = { ...represented, role: 'principal' };
  sender = fuller(sender, list);
  principal = fuller(principal, list);
  if (sender && principal && sameParty(sender.value, principal.value)) principal = null;
  // An agent named only with its client: the client is the principal; the agent's own company, if named, the sender.
  const fact = (c: Candidate | null): Fact | null => (c ? { value: c.value, line: c.line } : null);
  if (kind === 'counter-notice' || kind === 'retraction') {
    // An answer is filed for a party: the principal when an agent sent it, else the sender.
    const filer = principal ?? sender;
    if (!principal) sender = null;
    return { sender: fact(sender), principal: null, filer: fact(filer) };
  }
  return { sender: fact(sender), principal: fact(principal), filer: null };
}
