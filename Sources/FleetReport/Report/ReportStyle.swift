/// What each route from report.md to a finished document needs, so that the plain pandoc
/// commands work with no warning.
///
/// The weasyprint and HTML routes read the stylesheet `report.css`, written beside report.md,
/// which the metadata names (`css: report.css`); pandoc's HTML writer then links it and leaves
/// out its own default CSS, whose rules weasyprint warns about (pandoc MANUAL, variable
/// `document-css`). The LaTeX route (xelatex) reads `latexMetadata`: variables of pandoc's
/// LaTeX template, which the HTML writer ignores. Figures are numbered in every route, by a CSS
/// counter or by LaTeX.
public enum ReportStyle {
    public static let fileName = "report.css"

    /// The pandoc command that turns report.md into report.pdf through weasyprint, run in the report folder.
    public static let pdfCommand = "pandoc report.md -o report.pdf --pdf-engine=weasyprint --number-sections"

    /// The same through LaTeX; everything it needs is in report.md's metadata.
    public static let latexCommand = "pandoc report.md -o report.pdf --pdf-engine=xelatex"

    /// One HTML file that holds its stylesheet and figures (pandoc 2.19 or later).
    public static let htmlCommand = "pandoc report.md --embed-resources --standalone -o report.html"

    /// What pandoc before 2.19 (Debian 12 ships 2.17) calls `--embed-resources --standalone`.
    public static let htmlOptionsBefore219 = "--self-contained"

    /// The routes, in the order the README and the report's reproduce section give them.
    public static let commands = [pdfCommand, latexCommand, htmlCommand]

    /// Metadata lines for the LaTeX route.
    ///
    /// A4 with the stylesheet's margins. DejaVu fonts, which draw CO₂'s subscript, Greek and ≤
    /// (the default Latin Modern text fonts have no subscript digits, and xelatex drops them with
    /// a "Missing character" warning). Numbered sections, as `--number-sections` gives the
    /// weasyprint route. Figures held where the text places them (`float`'s H) and at most 55 %
    /// of the text height, so that each stays on one page with its caption. Tables in 8 pt with
    /// narrower gaps and no hyphenation, their columns set by the pipe tables' dash counts
    /// (`TextTable.fittedWidths`). Break points (XeTeX character classes): monospaced text may
    /// break after a dot, underscore, hyphen, slash or opening bracket, so that a long input path
    /// wraps inside its column instead of running over the next; any text after a slash or an
    /// en dash, at a small penalty.
    public static let latexMetadata = #"""
    papersize: a4
    geometry: [top=2cm, bottom=2.2cm, left=1.9cm, right=1.9cm]
    fontsize: 10pt
    mainfont: DejaVu Sans
    sansfont: DejaVu Sans
    monofont: DejaVu Sans Mono
    monofontoptions: [Scale=0.85]
    numbersections: true
    colorlinks: true
    header-includes: |
      ```{=latex}
      \usepackage{float}
      \floatplacement{figure}{H}
      \makeatletter
      \def\maxheight{\ifdim\Gin@nat@height>0.55\textheight 0.55\textheight\else\Gin@nat@height\fi}
      \newcommand{\fleetwattCodeBreak}{\ifx\f@family\ttdefault\penalty\z@\fi}
      \newcommand{\fleetwattSlashBreak}{\penalty\ifx\f@family\ttdefault\z@\else 50\fi\relax}
      \makeatother
      \XeTeXinterchartokenstate=1
      \newXeTeXintercharclass\fleetwattCodeClass
      \newXeTeXintercharclass\fleetwattSlashClass
      \XeTeXcharclass`\.=\fleetwattCodeClass
      \XeTeXcharclass`\_=\fleetwattCodeClass
      \XeTeXcharclass`\-=\fleetwattCodeClass
      \XeTeXcharclass`\(=\fleetwattCodeClass
      \XeTeXcharclass`\/=\fleetwattSlashClass
      \XeTeXcharclass`\–=\fleetwattSlashClass
      \XeTeXinterchartoks\fleetwattCodeClass 0={\fleetwattCodeBreak}
      \XeTeXinterchartoks\fleetwattSlashClass 0={\fleetwattSlashBreak}
      \usepackage{etoolbox}
      \AtBeginEnvironment{longtable}{\footnotesize\setlength{\tabcolsep}{4pt}\hyphenpenalty=10000\relax}
      ```
    """#

    public static let css = """
    @page {
      size: A4;
      margin: 2cm 1.9cm 2.2cm 1.9cm;
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 8.5pt; color: #555555; }
    }
    html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.42; color: #1a1a1a; }
    body { margin: 0; counter-reset: figure; }
    header#title-block-header { margin-bottom: 1.2em; padding-bottom: 0.6em; border-bottom: 1px solid #999999; }
    h1.title { font-size: 19pt; line-height: 1.2; margin: 0 0 0.25em 0; }
    p.subtitle { font-size: 11pt; color: #333333; margin: 0 0 0.3em 0; }
    p.date { color: #555555; margin: 0; }
    div.abstract { margin: 0.9em 0 0 0; padding: 0.6em 0.9em; background: #f2f4f7; }
    div.abstract-title { font-weight: bold; margin-bottom: 0.2em; }
    h1 { font-size: 14pt; margin: 1.3em 0 0.4em 0; page-break-after: avoid; }
    h2 { font-size: 11.5pt; margin: 1.1em 0 0.3em 0; page-break-after: avoid; }
    span.header-section-number { margin-right: 0.45em; }
    p { margin: 0.45em 0; text-align: left; }
    table { border-collapse: collapse; width: 100%; margin: 0.7em 0 1em 0; font-size: 8.3pt; }
    thead { display: table-header-group; }
    th { text-align: left; font-weight: bold; border-bottom: 1px solid #333333; padding: 3px 5px; vertical-align: bottom; }
    td { border-bottom: 0.5px solid #cccccc; padding: 2px 5px; vertical-align: top; overflow-wrap: break-word; }
    tr { page-break-inside: avoid; }
    figure { margin: 0.9em 0 1.1em 0; page-break-inside: avoid; }
    figure img { display: block; width: 100%; max-width: 17cm; margin: 0 auto; }
    figcaption { font-size: 8.5pt; color: #333333; margin-top: 0.3em; }
    figcaption::before { counter-increment: figure; content: "Figure " counter(figure) ". "; font-weight: bold; }
    code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.88em; overflow-wrap: break-word; }
    pre { background: #f4f4f4; padding: 0.5em 0.7em; font-size: 8pt; white-space: pre-wrap; page-break-inside: avoid; }
    .math.display { display: block; text-align: center; margin: 0.55em auto; font-family: "DejaVu Serif", serif; font-size: 10.5pt; }
    .math.inline { font-family: "DejaVu Serif", serif; }
    a { color: #0072B2; text-decoration: none; }

    """
}
