/*
 * costview: the cost on screen (see costview.h).
 */
#include "app/costview.h"

#include "core/stats/optimize.h"
#include "core/stats/rowcost.h"

void costview_set(struct view *v, double cost_fp, double cost_fn)
{
	size_t i;

	v->costs = true;
	v->cost_fp = cost_fp;
	v->cost_fn = cost_fn;
	for (i = 0; i < v->n_models; i++) {
		struct optimize_spec spec = optimize_defaults(OBJ_COST);
		struct optimum o;

		spec.cost_fp = cost_fp;
		spec.cost_fn = cost_fn;
		v->models[i].best[BEST_COST] = optimize_run(v->models[i].sw, &spec, &o) == 0 ? o.k : VIEW_NONE;
	}
}

double costview_total(const struct view *v, size_t k)
{
	return rowcost_total(view_current(v)->sw, k, v->cost_fp, v->cost_fn);
}

double costview_at(const struct view *v, double threshold)
{
	return rowcost_at(view_current(v)->sw, threshold, v->cost_fp, v->cost_fn);
}
