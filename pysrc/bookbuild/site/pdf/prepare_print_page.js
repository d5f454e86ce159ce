// Prepares the combined print page (print_page/) for printing; run by bookbuild.site.pdf.print_book through
// Playwright's page.evaluate, after the page and its fonts have loaded. It adds what only the
// printed book needs and mkdocs-print-site-plugin does not make:
//   - the cover's edition line and the document title (the PDF's Title);
//   - numbers in the chapter, section and subsection headings (1, 1.2, 1.2.3), as text, so that
//     they are also in the PDF's bookmarks and its extracted text;
//   - under each chapter title with cells, a note with the chapter's URL in the online edition;
//   - running heads: each chapter prints on its own named page, whose margin box shows its title;
//   - the contents: chapters and sections, linked, with a slot for the page number;
//   - the solutions appendix's folded solutions, opened.
// Returns the ids the contents link to; bookbuild.site.pdf.contents_pages fills in their page numbers.
({ edition }) => {
  const book = document.querySelector("#print-site-page");
  const localRoot = new URL("..", location.href); // the print page is print_page/
  const canonical = document.querySelector("link[rel=canonical]"); // from site_url
  const onlineRoot = canonical ? new URL("..", canonical.href) : localRoot;

  // A heading's content without its ¶ link, its number, or a formula's TeX (its <annotation>).
  const headingCopy = (heading) => {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink, .bp-heading-number, annotation").forEach((node) => {
      node.remove();
    });
    for (const link of copy.querySelectorAll("a")) link.replaceWith(...link.childNodes);
    return copy;
  };
  const headingText = (heading) => headingCopy(heading).textContent.replace(/\s+/g, " ").trim();
  const numberHeading = (heading, number) => {
    const label = document.createElement("span");
    label.className = "bp-heading-number";
    label.textContent = number;
    heading.prepend(label, " ");
  };

  // The online URL of each chapter, keyed like the plugin's section ids: reference/api/ is
  // "reference-api", the home page "index".
  const onlineUrlByKey = new Map();
  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.hash || !url.href.startsWith(localRoot.href)) continue;
    const path = url.href.slice(localRoot.href.length);
    const key = path.replace(/\/$/, "").replaceAll("/", "-") || "index";
    onlineUrlByKey.set(key, new URL(path, onlineRoot).href);
  }

  document.title = book.querySelector(".bp-cover__title")?.textContent.trim() || document.title;
  const editionLine = book.querySelector("[data-bp-edition]");
  if (editionLine) editionLine.textContent = edition;

  const addOnlineNote = (chapter, title) => {
    const onlineUrl = onlineUrlByKey.get(chapter.id);
    if (!onlineUrl || !chapter.querySelector(".bp-cell")) return;
    const note = document.createElement("p");
    note.className = "bp-online-note";
    note.append("The code cells of this chapter can be edited and run in the online edition: ");
    const link = document.createElement("a");
    link.href = link.textContent = onlineUrl;
    note.append(link);
    title.after(note);
  };

  // Chapters are the plugin's sections (heading-number "4"); a nav section (class md-section,
  // "10") holds chapters of its own ("10.1").
  const entries = [];
  const pageRules = [];
  for (const chapter of book.querySelectorAll("section.print-page[heading-number]")) {
    const number = chapter.getAttribute("heading-number");
    const title = chapter.querySelector(":scope > h1");
    if (!title) continue;
    const level = number.split(".").length;
    entries.push({ id: chapter.id, level, number, heading: title });
    const isPart = chapter.classList.contains("md-section");
    if (!isPart) {
      let section = 0;
      let subsection = 0;
      for (const heading of chapter.querySelectorAll("h2, h3")) {
        if (heading.tagName === "H2") {
          section += 1;
          subsection = 0;
          numberHeading(heading, `${number}.${section}`);
          if (level === 1 && heading.id) {
            entries.push({ id: heading.id, level: 2, number: `${number}.${section}`, heading });
          }
        } else if (section > 0) {
          subsection += 1;
          numberHeading(heading, `${number}.${section}.${subsection}`);
        }
      }
    }

    const pageName = `bp-chapter-${chapter.id}`;
    chapter.style.page = pageName;
    const runningHead = JSON.stringify(`${number}  ${headingText(title)}`);
    pageRules.push(`@page ${pageName} { @top-right { content: ${runningHead}; } }`);
    addOnlineNote(chapter, title);
    numberHeading(title, number);
  }

  // The contents: one line per chapter and per section, linked, with room for its page number.
  const contents = book.querySelector("#print-page-toc nav");
  for (const list of contents.querySelectorAll(":scope > ul")) list.remove();
  const list = document.createElement("ol");
  list.className = "bp-contents";
  for (const entry of entries) {
    const item = document.createElement("li");
    item.className = `bp-contents__entry bp-contents__entry--level-${entry.level}`;
    const link = document.createElement("a");
    link.href = `#${entry.id}`;
    const number = document.createElement("span");
    number.className = "bp-contents__number";
    number.textContent = entry.number;
    const title = document.createElement("span");
    title.className = "bp-contents__title";
    title.append(...headingCopy(entry.heading).childNodes);
    // A hidden placeholder as wide as any page number: filling it in later moves nothing.
    const pageNumber = document.createElement("span");
    pageNumber.className = "bp-contents__page";
    pageNumber.dataset.target = entry.id;
    pageNumber.textContent = "000";
    pageNumber.style.visibility = "hidden";
    link.append(number, title, pageNumber);
    item.append(link);
    list.append(item);
  }
  contents.append(list);
  contents.closest("section").style.page = "bp-contents";
  pageRules.push(`@page bp-contents { @top-right { content: "Contents"; } }`);

  // The appendix's solutions are folded on screen; on paper they are the point.
  book.querySelectorAll("details.bp-solution").forEach((fold) => {
    fold.open = true;
  });

  const style = document.createElement("style");
  style.textContent = pageRules.join("\n");
  document.head.append(style);
  return entries.map(({ id }) => id);
};
