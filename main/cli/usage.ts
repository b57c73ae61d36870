/** The help text of the `cuttings` command and of each subcommand. */

const LIBRARY_OPTION = `  --library DIR     the library folder (default: $CUTTINGS_LIBRARY, else the desktop app's library)`;

/** `cuttings --help`. */
export const MAIN_HELP = `Usage: cuttings COMMAND [options]

Cuttings keeps news cuttings offline: clip articles, search them, tag them.

Commands:
  add FILE|URL...      clip articles from web addresses, .html, .htm, .mhtml, .txt, .md or .pdf
                       files, or standard input (--stdin); recognise scans (.jpg, .png, .tif, .webp, scanned PDFs)
  recapture ID         fetch an article's address again; keep a changed text as a new version
  ocr ID               recognise a scanned cutting again (other languages); keep a changed text as a new version
  search QUERY         search titles and texts
  show ID              print one article
  list                 list every article, newest first
  tag ID               add or remove tags on an article
  tag --query Q        add or remove tags on every article a search finds (or on several IDs)
  tags                 list the tags with their counts; rename (or merge, or move) and delete them
  rules                tag rules: "when an article matches this query, add these tags"
  note ID              print an article's note, or set it with --set TEXT
  edit ID              change an article's title, date, author or source (the custody log records it)
  delete ID            delete an article; the custody log keeps its hashes
  import PATH          add many articles: an archive, JSON, JSONL, CSV, Pocket, bookmarks, wallabag, CSL-JSON, RIS, a folder of pages
  export -o PATH       write articles as an archive, JSON, JSONL, CSV, Markdown, HTML, BibTeX, RIS, CSL-JSON or a Data Package
  extract FILE         print what would be stored for a page, without storing it
  verify               check every catalog file, stored hash, signature, timestamp, the custody
                       log and the search index
  evidence ID          write a cutting's evidence report (PDF) and the files to check it with
  timestamp            send the captures waiting for a trusted timestamp; choose the TSA
  keys                 your signing key, and the keys that signed in this library
  reindex              rebuild the search index from the stored articles

Options:
${LIBRARY_OPTION}
  -h, --help        show help; \`cuttings COMMAND --help\` explains a command
  -v, --version     print the version

Exit status: 0 on success, 1 when the input or the library is at fault, 2 for bad usage,
3 when \`add\` skipped a duplicate (and nothing failed).`;

/** Each subcommand's help. */
export const COMMAND_HELP: Record<string, string> = {
  extract: `Usage: cuttings extract FILE [--url U] [--json]
       cuttings extract --batch LIST

Prints what Cuttings would store for a page (.html, .htm, .txt, .md) without storing it;
no library is needed. --json prints one object: title, author, published, modified, site,
lang, canonical, text.

Options:
  --url U        the page's web address (http or https), for its links and its date
  --json         print one JSON object
  --batch LIST   LIST has one PATH<TAB>URL a line (URL optional); prints one JSON line each,
                 in order, with "file" added, or {"file", "error"} for a line that failed
                 (the run goes on; exit status 1 at the end). Paths are relative to the
                 current folder.`,
  add: `Usage: cuttings add FILE|URL... [options]
       cuttings add --stdin [options]

Clips articles and prints each new id, one a line. A URL (http or https) is fetched: a web
page is clipped, a PDF stored with its text; anything else is refused. Files may be .html,
.htm (SingleFile saves too), .mhtml/.mht, .txt, .md or .pdf. Plain text takes its first line
as the title; HTML is reduced to the article (Mozilla Readability) and sanitised.

Before storing, each article is checked against the library: the same address (tracking
parameters such as utm_* stripped), the same text, or nearly the same text (a syndicated
copy). A duplicate is skipped with a notice on stderr unless --on-duplicate says otherwise.

Options:
  --stdin             read plain text or HTML from standard input
  --on-duplicate A    skip (default): store nothing and say which article it duplicates;
                      keep: store it beside the other; version: store it as a new version
                      of the first capture
  --title T           use T as the title instead of the one found (one input only)
  --url U             a file's web address (http or https; one file or --stdin only)
  --source S          the publication ("BBC News")
  --published DATE    the publication date: YYYY-MM-DD, or a full ISO 8601 time
  --tag T             add tag T (repeatable: --tag ukraine --tag diplomacy)
  --tsa URL           ask this timestamping authority for the new captures' timestamps
                      (by default the library's, if one is chosen: \`cuttings timestamp\`)
  --json              print each stored article's metadata as one JSON line
                      ({"input", "skipped": true, "duplicate"} for a skipped duplicate)
Scans (.jpg, .jpeg, .png, .tif/.tiff, .webp, and PDFs with scanned pages) are recognised
offline; the headline and date are guessed from the text unless --title and --published say:
  --lang L            the languages to recognise: eng, deu, fra, spa, joined by + (deu+eng);
                      by default the system's and the library's languages, and English
  --as-one            recognise the images given as one cutting (a story continued on another
                      page or column), in the order given
  --page P, --section S   where the cutting stood in print
${LIBRARY_OPTION}

Every capture is signed with your key as it is stored (see \`cuttings evidence\`). An
unreachable TSA leaves the timestamps waiting; the captures are stored all the same.

Exit status: 0 when every input was added; 1 when any failed (the others are still added);
3 when none failed but a duplicate was skipped; 2 for bad usage.`,
  recapture: `Usage: cuttings recapture ID [options]

Fetches the article's web address again. If the text changed, the new text is stored as a
new version beside the old (the first capture is never rewritten) and what changed is
printed word by word: [-removed words-] {+added words+}. If not, nothing is stored.
Any version's ID will do; the new text is compared with the latest version.

Options:
  --tsa URL         ask this TSA for the new version's timestamp (by default the library's)
  --json            print {"url", "changed", "id", "versionOf", "previous", "diff": [{"kind", "text", "words"}]}
${LIBRARY_OPTION}`,
  ocr: `Usage: cuttings ocr ID [options]

Recognises a scanned cutting again from its files as received (the pictures, the PDF) and
stores the text as a new version beside the first (which is kept). Nothing is stored when
the text comes out the same.

Options:
  --lang L          the languages to recognise (eng, deu, fra, spa, joined by +); by default
                    the languages it was recognised in before
  --json            print {"id", "versionOf", "changed", "languages"}
${LIBRARY_OPTION}`,
  search: `Usage: cuttings search QUERY [options]
       cuttings search --batch FILE [options]
       cuttings search --saved NAME [options]

Searches titles and texts. Words are ANDed; the last also matches as a prefix.
  "exact phrase"     the words together, in order
  a OR b             either; binds looser than the implicit AND
  -word, NOT word    without it; ( ) to group
  word*  word~       prefix; near spelling
  tag:T source:S author:A title:W lang:L url:U     (quote values with spaces: tag:"new york")
  published:2022  clipped:2022-01..2022-03  published:>2021-06-01
tag:T includes tags below it (T/sub).

Options:
  --limit N         show at most N results (any number, default 20)
  --all             show every result (written a page at a time, however many)
  --sort ORDER      relevance (default), published or clipped (newest first)
  --batch FILE      run each line of FILE as a query; prints one JSON line per query
  --saved NAME      run the search saved under NAME (in the app, or with --save)
  --save NAME       keep QUERY under NAME as a saved search, then run it
  --json            print {"total": n, "hits": [{"id", "title", "score", "snippet", …}],
                    "facets": {"tags": {…}, "sources": {…}, "years": {…}}}; the same object
                    for --all, its hits written 500 at a time as they are found
${LIBRARY_OPTION}`,
  note: `Usage: cuttings note ID [--set TEXT] [options]

Prints an article's Markdown note (nothing if it has none). With --set, replaces it;
--set '' deletes it. A note may have at most 100,000 characters.

Options:
  --set TEXT        the new note
  --json            print {"id", "note", "highlights": [{"id", "quote", "prefix", "suffix", "comment", "created"}]}
${LIBRARY_OPTION}`,
  show: `Usage: cuttings show ID [options]

Prints one article: its metadata, tags, provenance, note, highlights and text.

Options:
  --json            print it as one JSON object (metadata, tags, text, provenance)
${LIBRARY_OPTION}`,
  list: `Usage: cuttings list [options]

Lists every article, newest clipped first: id, date, title and tags.

Options:
  --json            print a JSON array of the articles' metadata
${LIBRARY_OPTION}`,
  tag: `Usage: cuttings tag ID [--add T] [--remove T] [options]
       cuttings tag --query Q [--add T] [--remove T] [options]
       cuttings tag ID ID... [--add T] [--remove T] [options]

Adds and removes tags on one article and prints its tags afterwards. With --query, on
every article the search Q finds (the query language of \`cuttings search\`); with several
IDs, on each of them: thousands at once, with a progress bar on a terminal, and a line
saying how many changed. An unknown ID changes nothing.

Options:
  --add T           add tag T (repeatable); a / makes a hierarchy: ukraine/diplomacy
  --remove T        remove tag T (repeatable); the tags under it stay
  --query Q         the articles the search Q finds
  --json            print {"id": …, "tags": […]}; with --query or IDs
                    {"matched": n, "changed": n, "message": "…"}
${LIBRARY_OPTION}`,
  tags: `Usage: cuttings tags [--json]
       cuttings tags rename OLD NEW
       cuttings tags delete TAG

Lists every tag with the number of articles that carry it, in name order (a tag's
colour, set in the app, after it). Tags are one whatever their case; a / makes a hierarchy.

  rename OLD NEW    renames OLD and the tags under it on every article: ukraine →
                    europe/ukraine moves ukraine/diplomacy to europe/ukraine/diplomacy.
                    Renaming onto a tag that exists merges them (its spelling stays);
                    changing only the case changes how the tag is shown.
  delete TAG        removes TAG and the tags under it from every article

Options:
  --json            list: print [{"tag", "count", "colour"?}], most used first;
                    rename, delete: print {"message", "articles"}
${LIBRARY_OPTION}`,
  rules: `Usage: cuttings rules [list] [--json]
       cuttings rules add --query Q --tag T [--tag T]
       cuttings rules remove N
       cuttings rules apply [--dry-run] [--rule N] [--json]

Tag rules: "when an article matches this query, add these tags". Every new cutting gets
the tags of the rules it matches; \`apply\` runs them over the whole archive. A rule's query
is taken as written (the query language of \`cuttings search\`, without the prefix match of
the last word) and must parse.

  list              the rules: number, query, tags
  add               adds a rule; prints its number
  remove N          removes rule N
  apply             adds the rules' tags to every article that matches and lacks them;
                    prints each rule's matches and changes, and the articles changed

Options:
  --query Q         add: the rule's query
  --tag T           add: a tag the rule adds (repeatable)
  --dry-run         apply: count and list what would change, and change nothing
  --rule N          apply: only rule N
  --json            list: [{"id", "query", "tags"}]; add: the rule; apply: {"dryRun",
                    "changed", "changes": [{"id", "title", "add"}], "rules", "message"}
${LIBRARY_OPTION}`,
  import: `Usage: cuttings import PATH [--format F] [options]

Adds many articles at once from a file or a folder. The format is found from the name and
the content, or given with --format:
  archive       a Cuttings archive (.zip): restored exactly, ids and captures included
  json, jsonl   Cuttings' JSON or JSONL export (with "schemaVersion")
  jsonl-lines   one JSON object a line: {"title": "…", "text": "…" or "html": "…", "url": "…",
                "source": "…", "published": "YYYY-MM-DD", "tags": ["…"]}
  csv           Cuttings' CSV export (columns id, title, url, source, author, published, …, text)
  pocket        Pocket's CSV export (title, url, time_added, tags)
  bookmarks     Netscape bookmark HTML (browsers, Pocket, Raindrop)
  wallabag      wallabag's JSON export
  csl, ris      Zotero's CSL-JSON or RIS
  html-folder   a folder of saved .html pages (PATH is the folder)
  warc, wacz    a web archive (.warc, .warc.gz, .wacz) from wget, Browsertrix, js-wacz or
                Cuttings: every HTML page becomes a cutting with its images from the archive
                (nothing is fetched), its provenance naming the record; a WACZ's pages.jsonl
                decides which pages count; cuttings Cuttings exported come back exactly
Records with a web address but no text (bookmarks, Pocket) are kept as URL-only articles,
or, with --fetch, their pages are fetched and clipped (one that cannot be fetched is kept
URL-only and the summary says why). Each item goes in whole or not at all; one already in the library (same id, address or
text) is skipped. Shows a progress bar on a terminal and a summary at the end: imported,
skipped as duplicates, failed with the reason for each.

Options:
  --format F        the format, when it cannot be told from the file
  --fetch           fetch and clip the page of each URL-only record
  --json            print the summary as JSON: {"format", "imported", "urlOnly",
                    "duplicates": [{"item", "reason"}], "failed": [{"item", "message"}],
                    "unfetched": [{"item", "message"}]}
                    (jsonl-lines: {"imported", "failed": [{"line", "message"}]})
${LIBRARY_OPTION}`,
  export: `Usage: cuttings export --format F -o PATH [--query Q | --tag T | ID…] [options]

Writes articles — every one, those a query finds, those under a tag, or the ids given — as:
  archive       a Cuttings archive (.zip): catalog, captures, originals and a manifest with
                the SHA-256 of every file; lossless, re-imported with \`cuttings import\`
  json, jsonl   every field (id, title, url, source, author, published, clipped, tags, text,
                html, provenance, note, highlights, …) in a versioned schema (schemaVersion 2)
  csv           RFC 4180, UTF-8: id, title, url, source, author, published, clipped, tags,
                words, sha256, note, highlights (+ text with --text); formula-like cells get a leading '
  md            Markdown with YAML front matter, one file an article, zipped
  html          a static site in the folder PATH: index with tag filters, a page an article
  bibtex, ris, csl   citations of type newspaper article
  datapackage   a Frictionless Data Package in the folder PATH: articles.csv, datapackage.json
  warc          WARC 1.1 (.warc.gz): each cutting's request/response records as fetched (or a
                resource record), its images, and a metadata record (title, tags, note,
                provenance); payload digests are the stored SHA-256 hashes
  wacz          WACZ 1.1.1 (.wacz): that WARC with a CDXJ index, one page per cutting and a
                hashed datapackage.json; opens in ReplayWeb.page, re-imported with \`cuttings import\`
The file appears at PATH only when complete. The custody log records the export; while the
app has the library open, the export only reads it and says the log does not record it.

Options:
  -f, --format F    the format (above)
  -o, --output PATH where to write (a folder for html and datapackage)
  --query Q         the articles the search Q finds (the query language of \`cuttings search\`)
  --tag T           the articles tagged T or a tag below it
  --text            csv, datapackage: add each article's text as a last column
  --bom             csv: start with a byte order mark, for Excel
  --json            print {"format", "articles", "path", "seconds"}
${LIBRARY_OPTION}`,
  verify: `Usage: cuttings verify [options]

Checks the library: every catalog file parses, every article's stored content is present and
matches the SHA-256 recorded at capture; each capture's signed manifest verifies with the
key it names and every hash in it matches the stored bytes; each timestamp stamps its
manifest and verifies to a trusted root; the custody log is whole (an entry altered,
removed, out of order or cut off the end is named) and records every capture; and the search
index covers exactly the catalog. Prints each problem; exits 1 if it found any. It only
reads, so it works while the app runs.

Options:
  --json            print {"articles": n, "problems": […], "notes": […]}
${LIBRARY_OPTION}`,
  edit: `Usage: cuttings edit ID [--title T] [--published DATE] [--author A] [--source S] [options]
       cuttings edit ID --confirm [options]

Changes an article's details after capture; what is not given is kept, and '' clears the
date, author or source (a title cannot be cleared). The capture and its signed manifest stay
as captured: the custody log records the change, signed, with each field from what to what.
Saving details marks them checked, so a scan's guessed headline and date are no longer "to
be checked"; --confirm does only that.

Options:
  --title T         the headline
  --published DATE  the publication date: YYYY-MM-DD, or a full ISO 8601 time
                    (2024-03-05T09:30:00Z, 2024-03-05T09:30+01:00)
  --author A        the author(s), as one line ("Jane Doe, John Roe")
  --source S        the publication or site ("The Guardian")
  --confirm         confirm the details as they are
  --json            print {"id", "title", "published", "author", "source", "edited"}
${LIBRARY_OPTION}`,
  delete: `Usage: cuttings delete ID [--reason TEXT] [options]

Deletes one article (one capture: its other versions stay). Before anything is removed, the
custody log records the deletion, signed, with the hashes the article had (its manifest's,
its original's and its text's) and the reason: the entry outlives the article, and
\`cuttings verify\` tells a deletion on the record from one made behind the library's back.

Options:
  --reason TEXT     why, kept in the custody log (at most 1,000 characters)
${LIBRARY_OPTION}`,
  evidence: `Usage: cuttings evidence ID -o REPORT.pdf [--bundle DIR] [options]

Writes the evidence report of a cutting as a PDF: the verdict, its provenance (addresses,
HTTP status, capture time, how it came in), every hash as signed and as stored now, the
signature and the key's fingerprint, the timestamp decoded (TSA, time, serial, chain), the
custody log entries that name it, the exact commands that verify it with sha256sum and
openssl alone, and the cutting as captured (text and images). The custody log records the
export.

Options:
  -o, --output PATH where to write the PDF
  --bundle DIR      also write, in the new or empty folder DIR, the files those commands
                    need: the original, text and images, manifest.json and manifest.sig,
                    signing-key.pem, timestamp.tsr with the TSA's certificates, the custody
                    entries and their signatures, SHA256SUMS and a README with the commands
  --json            print {"id", "report", "bundle", "level", "reasons"}
${LIBRARY_OPTION}

Exit status: 0 when the evidence holds (verified, or signed and intact without a trusted
timestamp: the report says which), 1 when it does not, 2 for bad usage.`,
  timestamp: `Usage: cuttings timestamp [--tsa URL] [options]
       cuttings timestamp --choose URL|none
       cuttings timestamp --trust ROOT.pem
       cuttings timestamp --list

Sends every capture waiting for a trusted timestamp (RFC 3161) to the library's
timestamping authority, or to the one given with --tsa: the SHA-256 of each capture's signed
manifest is stamped, the reply checked (the hash, the nonce, the TSA's signature and
certificate) and kept. A TSA that cannot be reached leaves them waiting; one that answers
something that does not check out is refused and nothing of it is kept. No TSA is chosen
by default: sending a hash to a third party is your decision.

Options:
  --tsa URL         send to this TSA (http or https) this time
  --choose URL      make URL the library's TSA (the app's Settings do the same), and send;
                    --choose none: timestamp nothing
  --trust FILE      trust the CA certificates in FILE (PEM) as roots for this library's
                    timestamps (a TSA whose root is not among the system's, such as FreeTSA)
  --list            list public TSAs to choose from
  --json            print {"stamped", "waiting", "error", "untrusted"}
${LIBRARY_OPTION}

Exit status: 1 when the TSA could not be reached or refused, and captures still wait.`,
  keys: `Usage: cuttings keys [options]

Prints your signing key's fingerprint and the file it is kept in ($CUTTINGS_KEYS, else
~/.config/cuttings/keys on Linux, ~/Library/Application Support/Cuttings/keys on macOS,
%APPDATA%\\Cuttings\\keys on Windows), and every key that signed captures or custody
entries in the library, yours and those of archives imported. A key file other users can
read, or a damaged one, is refused and never replaced.

Options:
  --json            print {"signingKey", "keyError", "keys": [{"fingerprint", "algorithm", "label", "added", "own"}]}
${LIBRARY_OPTION}`,
  reindex: `Usage: cuttings reindex [options]

Throws away the search index and builds it again from the stored articles.

Options:
${LIBRARY_OPTION}`,
};
