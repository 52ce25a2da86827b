// Starts the card page's wasm (kartu.js defines wasm_bindgen; it finds
// kartu_bg.wasm beside itself).
wasm_bindgen();
