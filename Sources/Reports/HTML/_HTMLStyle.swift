/// The report's inline stylesheet: light by default, dark under
/// `prefers-color-scheme: dark` on screens, always light on paper.
enum _HTMLStyle {
    static let css = """
        :root {
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --subtle: #f6f8fa;
          --accent: #0969da; --highlight: #fff8c5;
          --ok-bg: #dafbe1; --ok-fg: #116329; --fail-bg: #ffebe9; --fail-fg: #a40e26;
          --skip-bg: #fff1d6; --skip-fg: #7d4e00; --info-bg: #ddf4ff; --info-fg: #0a3069;
          --bar: #0969da; --grid: #d1d9e0; --axis: #59636e; --reference: #8c959f;
          --s0: #0969da; --s1: #cf222e; --s2: #1a7f37; --s3: #8250df; --s4: #bc4c00; --s5: #1b7c83;
        }
        @media screen and (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --subtle: #151b23;
            --accent: #4493f8; --highlight: #3b2e00;
            --ok-bg: #12361f; --ok-fg: #7ee2a0; --fail-bg: #4a1418; --fail-fg: #ffa198;
            --skip-bg: #3d2c00; --skip-fg: #e3b341; --info-bg: #0c2d4f; --info-fg: #9ecbff;
            --bar: #4493f8; --grid: #2f353d; --axis: #9198a1; --reference: #6e7681;
            --s0: #4493f8; --s1: #ff7b72; --s2: #3fb950; --s3: #a371f7; --s4: #f0883e; --s5: #39c5cf;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main.report { max-width: 54rem; margin: 0 auto; padding: 1rem 1rem 3rem; overflow-wrap: break-word; }
        a { color: var(--accent); }
        h1 { font-size: 1.8rem; line-height: 1.25; margin: 1rem 0 .5rem; }
        code, pre, .location, .report-footer dd {
          font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
        pre { background: var(--subtle); border: 1px solid var(--border); border-radius: 6px;
          padding: .75rem; overflow-x: auto; font-size: .85rem; line-height: 1.45; }
        :not(pre) > code { font-size: .9em; background: var(--subtle); border: 1px solid var(--border);
          border-radius: 4px; padding: 0 .25em; }
        .callout :not(pre) > code { background: transparent; border-color: currentColor; }
        .question { font-size: 1.15rem; font-style: italic; color: var(--muted); margin: .25rem 0; }
        .goal { margin: .5rem 0 1rem; }
        .achieved { color: var(--muted); }
        .badge { display: inline-block; padding: 0 .5em; border-radius: 1em; font-size: .8rem;
          font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
        .badge.ok { background: var(--ok-bg); color: var(--ok-fg); }
        .badge.failed { background: var(--fail-bg); color: var(--fail-fg); }
        .badge.skipped { background: var(--skip-bg); color: var(--skip-fg); }
        .toc { border: 1px solid var(--border); border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0;
          font-size: .9rem; }
        .toc ol { margin: 0; padding-left: 1.25rem; }
        .toc ol ol { padding-left: 1rem; }
        .toc-title { margin: 0 0 .25rem; font-weight: 600; }
        @media screen and (min-width: 78rem) {
          main.report.with-toc { max-width: 74rem; padding-left: 19rem; }
          .toc { position: fixed; top: 1rem; left: max(1rem, calc(50vw - 37rem)); width: 17rem; margin: 0;
            max-height: calc(100vh - 2rem); overflow-y: auto; background: var(--bg); }
        }
        .directive { border-top: 1px solid var(--border); margin: 1.5rem 0; padding-top: .75rem; }
        .directive-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem; }
        .directive-head h4 { margin: 0; font-size: 1rem; }
        .directive-head .kind { text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .sep { color: var(--muted); }
        .location { color: var(--muted); font-size: .8rem; }
        details.source { margin: .5rem 0; }
        details.source summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
        details.source pre { margin: .25rem 0 0; }
        .callout { border-left: 4px solid currentColor; border-radius: 4px; padding: .5rem .75rem; margin: .75rem 0; }
        .callout p { margin: 0; }
        .callout pre { margin: .5rem 0 0; background: transparent; border: 0; padding: 0; color: inherit; }
        .callout.error { background: var(--fail-bg); color: var(--fail-fg); }
        .callout.warning, .callout.skipped { background: var(--skip-bg); color: var(--skip-fg); }
        .callout.info { background: var(--info-bg); color: var(--info-fg); }
        .table-wrap { overflow-x: auto; margin: .75rem 0; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; font-size: .9rem; }
        caption { text-align: left; font-weight: 600; padding: 0 0 .25rem; }
        th, td { border: 1px solid var(--border); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: var(--subtle); }
        tbody th { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.missing { color: var(--muted); }
        tr.highlight td, tr.highlight th { background: var(--highlight); font-weight: 600; }
        .text { margin: .5rem 0; }
        figure.chart { margin: 1rem 0; overflow-x: auto; }
        figure.chart figcaption { font-weight: 600; font-size: .9rem; margin-bottom: .25rem; }
        svg.chart { display: block; max-width: 100%; height: auto; color: var(--fg);
          font-variant-numeric: tabular-nums; }
        svg.chart .bar { fill: var(--bar); }
        svg.chart .grid { stroke: var(--grid); }
        svg.chart .axis { stroke: var(--axis); }
        svg.chart .muted { fill: var(--muted); }
        svg.chart .reference { stroke: var(--reference); }
        svg.chart .s0 { stroke: var(--s0); } svg.chart .s1 { stroke: var(--s1); } svg.chart .s2 { stroke: var(--s2); }
        svg.chart .s3 { stroke: var(--s3); } svg.chart .s4 { stroke: var(--s4); } svg.chart .s5 { stroke: var(--s5); }
        svg.chart circle.s0 { fill: var(--s0); } svg.chart circle.s1 { fill: var(--s1); }
        svg.chart circle.s2 { fill: var(--s2); } svg.chart circle.s3 { fill: var(--s3); }
        svg.chart circle.s4 { fill: var(--s4); } svg.chart circle.s5 { fill: var(--s5); }
        svg.chart circle.reference { fill: var(--reference); }
        .report-footer { border-top: 1px solid var(--border); margin-top: 2rem; padding-top: .75rem;
          font-size: .85rem; color: var(--muted); }
        .report-footer dl { margin: 0; }
        .report-footer dl > div { display: flex; flex-wrap: wrap; gap: 0 .75rem; }
        .report-footer dt { font-weight: 600; min-width: 10rem; }
        .report-footer dd { margin: 0; overflow-wrap: anywhere; }
        @media print {
          body { font-size: 11pt; background: #fff; color: #000; }
          main.report { max-width: none; padding: 0; }
          a { color: inherit; }
          .toc { display: none; }
          details.source > summary { list-style: none; }
          details.source::details-content { content-visibility: visible; display: block; height: auto; }
          pre { white-space: pre-wrap; overflow: visible; }
          .table-wrap { overflow: visible; }
          table, figure, .callout, pre, tr { break-inside: avoid; page-break-inside: avoid; }
          .directive-head { break-after: avoid; page-break-after: avoid; }
          figure.chart { overflow: visible; }
        }
        """
}
