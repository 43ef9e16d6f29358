// Re-exports of src/preprocess. Each module adds its own line here.
export {};
