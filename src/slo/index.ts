// Re-exports of src/slo. Each module adds its own line here.
export {};
