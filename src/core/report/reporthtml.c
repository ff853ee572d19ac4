/*
 * reporthtml: --format html (see reporthtml.h).  The page is built from
 * the other writers: the caller's text report for the static part,
 * curvesvg for the pictures; the slider's data is each model's thresholds with the
 * positives and negatives they flag, as JSON, and a short script reads
 * the rest from them with the report's own formulas.
 */
#include "core/report/reporthtml.h"

#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/report/curvesvg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char style[] =
	"body{font-family:sans-serif;margin:2em;max-width:1300px;color:#222}\n"
	"h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}\n"
	"pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:0.85em}\n"
	"table.m{border-collapse:collapse;margin:0.5em 0}table.m td,table.m th{border:1px solid #999;padding:0.3em 0.8em;"
	"text-align:right}\n"
	"td.tp,td.tn{background:#e0ecf8}td.fp,td.fn{background:#fbe3d6}\n"
	"dl.metrics{display:grid;grid-template-columns:repeat(4,auto 7em);gap:0.2em 0.6em}dl.metrics dd{margin:0}\n"
	".plots{display:flex;flex-wrap:wrap;gap:1em}.plots svg{width:48%;min-width:320px;height:auto}\n"
	"#slider{width:100%}.note{color:#555;font-size:0.9em}\n"
	"@media print{#live input{display:none}}\n";

/* The script: the slider moves every model to the threshold of model 0's
 * point; each model's figures from its flagged counts at that threshold,
 * as metrics.c computes them; the words as explain.c's summary writes
 * them. */
static const char script[] =
	"'use strict';\n"
	"const D=JSON.parse(document.getElementById('data').textContent);\n"
	"D.models.forEach(m=>{m.thr=m.thr.map(v=>v===null?Infinity:v);});\n"
	"const count=v=>Number.isInteger(v)?v.toLocaleString('en-US'):Math.abs(v)<1000?String(Number(v.toPrecision(4))):"
	"Math.round(v).toLocaleString('en-US');\n"
	"const rate=v=>isNaN(v)?'n/a':v===0?'0':Number(v).toPrecision(4);\n"
	"const ratio=(a,b)=>b>0?a/b:NaN;\n"
	"function decimals(p){if(p===0||p===100||!isFinite(p))return 0;if(p>99)return p>99.9?2:1;let d=0;"
	"while(d<6&&Math.abs(p)<10/Math.pow(10,d))d++;return d;}\n"
	"function at(m,t){let lo=0,hi=m.thr.length-1;while(lo<hi){const mid=(lo+hi)>>1;if(m.thr[mid]>=t)hi=mid;else lo=mid+1;}"
	"return lo;}\n"
	"function figures(m,j){const tp=m.tp[j],fp=m.fp[j],fn=m.fn?m.fn[j]:m.pos-tp,tn=m.tn?m.tn[j]:m.neg-fp,pos=tp+fn,"
	"neg=tn+fp,n=pos+neg;"
	"const mccd=Math.sqrt((tp+fp)*(tp+fn)*(tn+fp)*(tn+fn));return{tp,fp,tn,fn,threshold:m.thr[j],"
	"precision:ratio(tp,tp+fp),recall:ratio(tp,pos),specificity:ratio(tn,neg),npv:ratio(tn,tn+fn),fpr:ratio(fp,neg),"
	"f1:ratio(2*tp,2*tp+fp+fn),accuracy:ratio(tp+tn,n),balanced_accuracy:pos>0&&neg>0?(tp/pos+tn/neg)/2:NaN,"
	"mcc:mccd>0?(tp*tn-fp*fn)/mccd:NaN};}\n"
	"function words(c){const P=c.tp+c.fn,A=c.tp+c.fp;let s;"
	"if(P<=0){s='There are no '+D.pos+' cases; ';return s+(A<=0?'this threshold raises no alarms.':'all '+count(A)+"
	"' of its alarms are false.');}"
	"s='Of '+count(P)+' '+D.pos+' '+(P===1?'case':'cases')+', this threshold ';"
	"if(c.tp<=0)s+='catches none of them';else if(c.fn<=0)s+='catches all of them';else{const p=100*c.tp/P,"
	"d=Math.max(decimals(p),1);s+='catches '+count(c.tp)+' ('+p.toFixed(d)+'%) and misses '+count(c.fn);}s+='; ';"
	"if(A<=0)s+='it raises no alarms.';else if(c.fp<=0)s+='none of its '+count(A)+' alarm'+(A===1?'':'s')+' '+"
	"(A===1?'is':'are')+' false.';else s+=count(c.fp)+' of its '+count(A)+' alarm'+(A===1?'':'s')+' '+"
	"(c.fp===1?'is':'are')+' false'+(D.neg?' ('+D.neg+')':'')+'.';return s;}\n"
	"function set(id,v,text){const e=document.getElementById(id);if(!e)return;e.dataset.value=String(v);"
	"e.textContent=text;}\n"
	"function xy(k,m,c){const n=m.pos+m.neg,t=c.threshold;switch(k){case 'roc':return[c.fpr,c.recall];"
	"case 'pr':return[c.recall,c.precision];case 'gain':return[ratio(c.tp+c.fp,n),c.recall];"
	"default:return t>0&&t<1?[t,c.tp/n-c.fp/n*t/(1-t)]:[NaN,NaN];}}\n"
	"function point(m,i,c){for(const k of ['roc','pr','gain','net-benefit']){const g=document.querySelector("
	"'g[data-kind=\"'+k+'\"]');if(!g)continue;const[x,y]=xy(k,m,c);let e=document.getElementById("
	"'op-'+k+'-'+i);if(!e){e=document.createElementNS('http://www.w3.org/2000/svg','circle');e.id='op-'+k+'-'+i;"
	"e.setAttribute('r','6');e.setAttribute('fill','none');e.setAttribute('stroke','#000');"
	"e.setAttribute('stroke-width','2');g.appendChild(e);}if(isNaN(x)||isNaN(y)){e.setAttribute('visibility',"
	"'hidden');continue;}const a=g.dataset;e.setAttribute('visibility','visible');e.setAttribute('cx',String("
	"+a.left+(x-a.x0)/(a.x1-a.x0)*a.width));e.setAttribute('cy',String(+a.top+(1-(y-a.y0)/(a.y1-a.y0))*a.height));}}\n"
	"function show(j){const t=D.models[0].thr[j];set('threshold',t,isFinite(t)?String(t):'inf (nothing flagged)');"
	"D.models.forEach((m,i)=>{const c=figures(m,at(m,t));for(const k of ['tp','fp','tn','fn'])set(k+'-'+i,c[k],"
	"count(c[k]));for(const k of ['precision','recall','specificity','npv','fpr','f1','accuracy','balanced_accuracy',"
	"'mcc'])set(k+'-'+i,c[k],rate(c[k]));set('words-'+i,0,words(c));point(m,i,c);const l=document.getElementById('thr-hist-'+i),g=l&&l.parentNode.dataset;"
	"if(l&&isFinite(t)&&g.max>g.min){const x=String(+g.left+(t-g.min)/(g.max-g.min)*g.width);l.setAttribute('x1',x);"
	"l.setAttribute('x2',x);l.setAttribute('visibility','visible');}else if(l)l.setAttribute('visibility','hidden');});}\n"
	"const s=document.getElementById('slider');s.max=String(D.models[0].thr.length-1);\n"
	"let j0=at(D.models[0],D.start);const h=location.hash.match(/^#t=(.+)$/);if(h){const t=h[1]==='inf'?Infinity:"
	"Number(decodeURIComponent(h[1]));if(!isNaN(t))j0=at(D.models[0],t);}\n"
	"s.value=String(j0);s.addEventListener('input',()=>show(Number(s.value)));"
	"document.getElementById('live').hidden=false;show(j0);\n";

/* Text already made safe by its writer (the report escapes the data's):
 * only what HTML would read as markup. */
static void html_raw(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		default: fputc(*s, f); break;
		}
	}
}

/* A JSON string inside a script element: escaped, and no "</" that would
 * end the element. */
static void json_in_script(FILE *f, const char *s)
{
	char *esc = text_escape_all(s ? s : "");
	const char *p = esc ? esc : "";

	fputc('"', f);
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '<' || *p == '>' || *p == '&')
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
	free(esc);
}

static void number(FILE *f, double v)
{
	char a[40];

	fputs(isfinite(v) ? fmt_exact(a, sizeof a, v) : "null", f);
}

/* One model's points, thresholds ascending (the last one +inf, nothing
 * flagged): every distinct score, or REPORTHTML_MAX_POINTS of them spread
 * by rank; JSON's null is +inf. */
static void model_points(FILE *f, const struct sweep *sw)
{
	size_t n = sw->n, m = n + 1 <= REPORTHTML_MAX_POINTS ? n + 1 : REPORTHTML_MAX_POINTS;
	const char *keys[5] = { "thr", "tp", "fp", "fn", "tn" };
	/* weighted: FN and TN as the sweep sums them (from the rows below),
	 * not as a difference that may differ in the last bits */
	int cols = sw->below_pos != NULL ? 5 : 3;

	for (int c = 0; c < cols; c++) {
		fprintf(f, "%s\"%s\":[", c ? "," : "", keys[c]);
		for (size_t i = 0; i < m; i++) {
			/* point i of m, from all flagged (k = n) to none (k = 0) */
			size_t k = m == n + 1 ? n - i : (size_t)llround((double)n * (double)(m - 1 - i) / (double)(m - 1));
			struct confusion cf = sweep_confusion(sw, k);

			if (i)
				fputc(',', f);
			number(f, c == 0 ? (k == 0 ? INFINITY : sweep_threshold(sw, k)) : c == 1 ? cf.tp : c == 2 ? cf.fp :
				  c == 3 ? cf.fn : cf.tn);
		}
		fputc(']', f);
	}
	fprintf(f, ",\"pos\":");
	number(f, sw->pos);
	fprintf(f, ",\"neg\":");
	number(f, sw->neg);
	fprintf(f, ",\"thinned\":%s", m < n + 1 ? "true" : "false");
}

static void data(FILE *f, const struct report *r)
{
	fputs("<script type=\"application/json\" id=\"data\">{\"pos\":", f);
	json_in_script(f, r->pos_words);
	fputs(",\"neg\":", f);
	if (r->neg_words)
		json_in_script(f, r->neg_words);
	else
		fputs("null", f);
	fputs(",\"start\":", f);
	number(f, r->n_models ? r->models[0].threshold : 0);
	fputs(",\"models\":[", f);
	for (size_t i = 0; i < r->n_models; i++) {
		fputs(i ? ",{\"name\":" : "{\"name\":", f);
		json_in_script(f, r->models[i].score);
		fputc(',', f);
		model_points(f, r->models[i].sw);
		fputc('}', f);
	}
	fputs("]}</script>\n", f);
}

/* The live part of one model: its matrix, metrics and words, filled by
 * the script (hidden where scripts do not run). */
static void live_model(FILE *f, const struct report *r, size_t i)
{
	static const char *const keys[] = { "precision", "recall", "specificity", "npv", "fpr", "f1", "accuracy",
					     "balanced_accuracy", "mcc" };
	static const char *const labels[] = { "precision", "recall", "specificity", "NPV", "FPR", "F1", "accuracy",
					      "balanced accuracy", "MCC" };

	fputs("<h2>", f);
	text_xml(f, r->models[i].score);
	fprintf(f, "</h2>\n<table class=\"m\"><tr><th></th><th>predicted ");
	text_xml(f, r->pos_words);
	fputs("</th><th>predicted ", f);
	text_xml(f, r->neg_words ? r->neg_words : r->negative);
	fputs("</th></tr>\n<tr><th>actual ", f);
	text_xml(f, r->pos_words);
	fprintf(f, "</th><td class=\"tp\" id=\"tp-%zu\"></td><td class=\"fn\" id=\"fn-%zu\"></td></tr>\n<tr><th>actual ", i, i);
	text_xml(f, r->neg_words ? r->neg_words : r->negative);
	fprintf(f, "</th><td class=\"fp\" id=\"fp-%zu\"></td><td class=\"tn\" id=\"tn-%zu\"></td></tr></table>\n", i, i);
	fputs("<dl class=\"metrics\">", f);
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		fprintf(f, "<dt>%s</dt><dd id=\"%s-%zu\"></dd>", labels[k], keys[k], i);
	fprintf(f, "</dl>\n<p id=\"words-%zu\"></p>\n", i);
}

/* Model i's scores in 60 bins, positives above the axis and negatives
 * below (each class to its own peak, as the explorer draws them), and the
 * threshold as a line the script moves (data-min, data-max: the range). */
static void histogram(FILE *f, const struct report *r, size_t i)
{
	enum { BINS = 60, W = 600, H = 240, LEFT = 20, TOP = 30 };
	const struct sweep *sw = r->models[i].sw;
	double pos[BINS] = { 0 }, neg[BINS] = { 0 }, mp = 0, mn = 0, span = sw->max - sw->min;

	for (size_t k = 0; k < sw->n; k++) {
		int b = span > 0 ? (int)((sw->score[k] - sw->min) / span * BINS) : BINS / 2;

		b = b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
		pos[b] += sweep_pos(sw, k) - (k ? sweep_pos(sw, k - 1) : 0);
		neg[b] += sweep_neg(sw, k) - (k ? sweep_neg(sw, k - 1) : 0);
	}
	for (int b = 0; b < BINS; b++)
		mp = fmax(mp, pos[b]), mn = fmax(mn, neg[b]);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
		   "font-family=\"sans-serif\" font-size=\"12\">\n<title>Scores of ", W + 2 * LEFT, H + TOP + 30, W + 2 * LEFT,
		H + TOP + 30);
	text_xml(f, r->models[i].score);
	fputs("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"20\" y=\"20\" font-weight=\"bold\">"
	      "Scores of ", f);
	text_xml(f, r->models[i].score);
	fputs(": ", f);
	text_xml(f, r->pos_words);
	fputs(" above, ", f);
	text_xml(f, r->neg_words ? r->neg_words : r->negative);
	fprintf(f, " below</text>\n<g class=\"hist\" data-model=\"%zu\" data-min=\"%.17g\" data-max=\"%.17g\" data-left=\"%d\" "
		   "data-width=\"%d\">\n", i, sw->min, sw->max, LEFT, W);
	for (int b = 0; b < BINS; b++) {
		double hp = mp > 0 ? pos[b] / mp * (H / 2 - 4) : 0, hn = mn > 0 ? neg[b] / mn * (H / 2 - 4) : 0;

		if (hp > 0)
			fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#0072B2\"/>\n", LEFT + b * W / BINS,
				TOP + H / 2 - hp, W / BINS - 1, hp);
		if (hn > 0)
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%.1f\" fill=\"#D55E00\"/>\n", LEFT + b * W / BINS,
				TOP + H / 2, W / BINS - 1, hn);
	}
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", LEFT, TOP + H / 2, LEFT + W, TOP + H / 2);
	fprintf(f, "<line id=\"thr-hist-%zu\" x1=\"0\" y1=\"%d\" x2=\"0\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\" "
		   "stroke-dasharray=\"4 3\" visibility=\"hidden\"/>\n", i, TOP, TOP + H);
	fprintf(f, "<text x=\"%d\" y=\"%d\">%.4g</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.4g</text>\n</g></svg>\n",
		LEFT, TOP + H + 18, sw->min, LEFT + W, TOP + H + 18, sw->max);
}

/* Long: the page top to bottom (head, the live slider, the pictures, the
 * static report, the data and the script), in reading order. */
int reporthtml_write(FILE *f, const struct report *r, const char *text)
{
	static const enum curvefile_kind kinds[] = { CF_ROC, CF_PR, CF_GAIN, CF_NET_BENEFIT };
	size_t n = r->n_models ? r->models[0].sw->n : 0;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
	      "script-src 'unsafe-inline'; img-src data:\">\n<title>cutoff: ", f);
	text_xml(f, r->file);
	fprintf(f, "</title>\n<style>%s</style></head><body>\n<h1>cutoff: ", style);
	text_xml(f, r->file);
	fputs("</h1>\n<section id=\"live\" hidden>\n<p><label for=\"slider\">threshold</label> <b id=\"threshold\"></b> "
	      "(scores at or above it are flagged as ", f);
	text_xml(f, r->pos_words);
	fputs(")</p>\n<input type=\"range\" id=\"slider\" min=\"0\" value=\"0\" step=\"1\">\n", f);
	if (n + 1 > REPORTHTML_MAX_POINTS)
		fprintf(f, "<p class=\"note\">The slider stops at %d of the %zu distinct scores, spread by rank; every "
			   "figure it shows is exact at its own threshold.</p>\n", REPORTHTML_MAX_POINTS, n);
	for (size_t i = 0; i < r->n_models; i++)
		live_model(f, r, i);
	fputs("</section>\n<div class=\"plots\">\n", f);
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (kinds[k] != CF_NET_BENEFIT || r->n_models == 0 || r->models[0].sw->probabilities)
			if (curvesvg_inline(f, r, kinds[k]) < 0)
				return -1;
	for (size_t i = 0; i < r->n_models; i++)
		histogram(f, r, i);
	fputs("</div>\n<h2>The report at the chosen threshold</h2>\n<pre id=\"report\">", f);
	html_raw(f, text);
	fputs("</pre>\n", f);
	data(f, r);
	fprintf(f, "<script>%s</script>\n</body></html>\n", script);
	return 0;
}
