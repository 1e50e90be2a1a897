// Graph neural networks (question 15), one import for the demo and the tests: the karate club, graphs and
// their normalisation/aggregation, GCN/GAT/GraphSAGE layers with backward passes, the semi-supervised
// trainer, over-smoothing, 1-WL expressiveness, the message-passing stepper and a force layout.
export * from './gnn-karate';
export * from './gnn-graph';
export * from './gnn-mat';
export * from './gnn-layers';
export * from './gnn-gat';
export * from './gnn-model';
export * from './gnn-train';
export * from './gnn-smoothing';
export * from './gnn-wl';
export * from './gnn-messages';
export * from './gnn-layout';
