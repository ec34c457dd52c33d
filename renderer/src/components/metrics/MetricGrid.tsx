import { METRIC_DEFINITIONS, type MetricDefinition } from '../../../../shared/metrics/definitions.js';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { isProminent } from '../../metrics/prominent.js';
import { MetricTile } from './MetricTile.js';
import { TrafficShareTile } from './TrafficShareTile.js';

function isScalar(definition: MetricDefinition): definition is MetricDefinition & { key: ScalarMetricKey } {
  return definition.key !== 'trafficShare';
}

/**
 * Every metric, in METRIC_DEFINITIONS order in the document (what tests and screen readers walk).
 * The stylesheet lifts the headline tiles into the top rows with CSS `order`, without reordering.
 */
export function MetricGrid() {
  return (
    <div className="metric-grid" data-testid="metric-grid">
      {METRIC_DEFINITIONS.map((definition) =>
        isScalar(definition) ? (
          <MetricTile key={definition.key} definition={definition} prominent={isProminent(definition.key)} />
        ) : (
          <TrafficShareTile key={definition.key} definition={definition} />
        ),
      )}
    </div>
  );
}
