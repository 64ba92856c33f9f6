package main

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
)

// reviewCSP is the page's content security policy: nothing is loaded
// from anywhere, and only the page's own style and script run, named by
// their hashes, so that text from a checked file can never act as code
// even if it reached the page unescaped.
func reviewCSP() string {
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; style-src " + hash(reviewCSS) + "; script-src " + hash(reviewJS) +
		"; img-src 'none'; base-uri 'none'; form-action 'none'"
}

// reviewTemplate parses the review page's template.
func reviewTemplate() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"css": func(s string) template.CSS { return template.CSS(s) },
		"js":  func(s string) template.JS { return template.JS(s) },
	}).Parse(reviewHTML))
}

// reviewHTML is the review page. Runs of text are written without
// spaces around them: paragraphs keep their white space as it is.
const reviewHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="generator" content="juru check">
<title>{{.Title}}</title>
<style>{{css .CSS}}</style>
</head>
<body>
<a class="skip" href="#files">Skip to the files</a>
<header>
<h1>juru check</h1>
<p class="totals">{{.Summary}}</p>
<p class="legend"><span class="legend-label">Legend:</span>
{{if .Glossary}}<span class="term" title="a term of the glossary">glossary term</span>
{{end}}<span class="badge sev-error"><span aria-hidden="true">✖</span> error</span>
<span class="badge sev-warning"><span aria-hidden="true">▲</span> warning</span>
<span class="badge sev-info"><span aria-hidden="true">ℹ</span> info</span>
<mark class="related legend-related">source of a finding</mark></p>
</header>
<nav id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Findings</h2>
<div class="filters" role="group" aria-label="Severities shown in the list" hidden>
<label><input type="checkbox" data-sev="error" checked> <span aria-hidden="true">✖</span> errors</label>
<label><input type="checkbox" data-sev="warning" checked> <span aria-hidden="true">▲</span> warnings</label>
<label><input type="checkbox" data-sev="info" checked> <span aria-hidden="true">ℹ</span> infos</label>
</div>
{{if .Clean}}<p class="clean">No findings.</p>
{{end}}<ul class="file-list">
{{range .Files}}<li><a href="#{{.ID}}">{{.Path}}</a> <span class="counts">{{.Counts}}</span>
{{if .Findings}}<ol class="findings">
{{range .Findings}}<li class="sev-{{.Sev}}"><a href="#{{.ID}}">{{template "badge" .}} <code>{{.Rule}}</code> <span class="pos">{{.Line}}:{{.Col}}</span> {{.Message}}</a></li>
{{end}}</ol>
{{end}}</li>
{{end}}</ul>
</nav>
<main id="files">
{{range .Files}}{{$f := .}}<section class="file" id="{{.ID}}" aria-labelledby="{{.ID}}-h">
<h2 id="{{.ID}}-h"><span class="path">{{.Path}}</span> <span class="lang">{{.LangName}}</span></h2>
<p class="meta">{{if .Pair}}Checked against its source, {{.Source}} ({{.SourceLangName}}).{{else}}Checked on its own.{{end}} {{.Counts}}.{{if .Fixed}} Fixed: {{.Fixed}}.{{end}}</p>
{{with .Note}}<p class="note"><span aria-hidden="true">⚠</span> {{.}}</p>
{{end}}{{if .FileLevel}}<ul class="file-level" aria-label="Findings not tied to a place in the text">
{{range .FileLevel}}<li id="{{.ID}}" tabindex="-1" class="sev-{{.Sev}}">{{template "badge" .}} <code>{{.Rule}}</code> {{if .Line}}<span class="pos">{{.Line}}:{{.Col}}</span> {{end}}{{.Message}}</li>
{{end}}</ul>
{{end}}<table class="{{if .Pair}}pair{{else}}single{{end}}">
<thead><tr>{{if .Pair}}<th scope="col">Source: {{.SourceLangName}}</th>{{end}}<th scope="col">{{if .Pair}}Translation: {{end}}{{.LangName}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr>{{if $f.Pair}}<td lang="{{$f.SourceLang}}">{{with .Source}}{{template "para" .}}{{end}}</td>{{end}}<td lang="{{$f.Lang}}">{{with .Target}}{{template "para" .}}{{end}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}</main>
<footer><p>Hover over or focus a mark to read its finding; the list above links to each one. Glossary terms are underlined with dots.</p></footer>
<script>{{js .JS}}</script>
</body>
</html>
{{define "badge"}}<span class="badge sev-{{.Sev}}"><span aria-hidden="true">{{.Icon}}</span> {{.Sev}}</span>{{end}}
{{define "para"}}<div class="para{{if .Heading}} heading{{end}}{{with .Flag}} flag-{{.}}{{end}}" data-line="{{.Line}}">{{range .Runs}}{{template "run" .}}{{end}}</div>{{end}}
{{define "tip"}}<b>{{.Sev}} {{.Rule}}</b> (line {{.Line}}): {{.Message}}{{with .Suggestion}} Use “{{.}}”.{{end}}{{end}}
{{define "run"}}
{{- if .Finding -}}
<mark class="finding sev-{{.Finding.Sev}}{{if .Pin}} pin{{end}}"{{if .First}} id="{{.Finding.ID}}" tabindex="0" aria-describedby="{{.Finding.ID}}-tip"{{end}}>{{if .First}}<span class="icon" aria-hidden="true">{{.Finding.Icon}}</span><span class="vh">{{.Finding.Sev}}: </span>{{end}}{{template "pieces" .Pieces}}{{if .First}}<span class="tip" role="tooltip" id="{{.Finding.ID}}-tip">{{template "tip" .Finding}}</span>{{end}}</mark>
{{- else if .Related -}}
<mark class="related"{{if .First}} id="{{.Related.ID}}-src" tabindex="0" aria-describedby="{{.Related.ID}}-srctip"{{end}}>{{template "pieces" .Pieces}}{{if .First}}<span class="tip" role="tooltip" id="{{.Related.ID}}-srctip">Source of: {{template "tip" .Related}}</span>{{end}}</mark>
{{- else -}}
{{template "pieces" .Pieces}}
{{- end -}}
{{end}}
{{define "pieces"}}{{range .}}{{if .Term}}<span class="term{{if .Term.Forbidden}} forbidden{{end}}" title="{{.Term.Title}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}{{end}}
`
