// wspl as an Aspect, for apps that add their checks with `Aspects.of(scope).add(...)`. wspl reads templates, and
// templates exist only after the aspect phase, so the aspect schedules the same check as WsplValidationPlugin on
// the enclosing App, limited to the findings on constructs under the scope the aspect was added to.
import { App, Validations, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { WsplValidationPlugin, type WsplChecksOptions } from './plugin.js';

export class WsplChecks implements IAspect {
  private readonly scheduled = new WeakSet<IConstruct>();

  constructor(private readonly options: WsplChecksOptions = {}) {}

  visit(node: IConstruct): void {
    const root = node.node.root;
    if (this.scheduled.has(root)) return;
    this.scheduled.add(root);
    if (!App.isApp(root)) {
      throw new Error('WsplChecks needs its constructs inside an App: validation plugins run when an App synthesizes');
    }
    // Aspects visit from the top down, so the first node is the one the aspect was added to.
    Validations.of(root).addPlugins(
      new WsplValidationPlugin({ ...this.options, scopes: [...(this.options.scopes ?? []), node.node.path] }),
    );
  }
}
