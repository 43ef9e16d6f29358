// Re-exports of src/policy. Each module adds its own line here.
export {};
