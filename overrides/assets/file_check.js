// A file the user opens (a family file, saved answers), read and checked before anything
// parses it: TwFileCheck.read(file) resolves {text} or {problem: a reason key}. Used by the aid,
// the case-file page and the group overview; Python checks every file again.
(function () {
  "use strict";

  // A file the user opens, checked before anything reads it, as Python checks it too
  // (aids/answers_file.py): UTF-8, at most 1 MB, JSON nested at most 20 deep, no number longer
  // than 20 characters, at most 20,000 keys and list items.
  var MAX_FILE_BYTES = 1000000;
  var MAX_FILE_DEPTH = 20;
  var MAX_FILE_NUMBER = 20;
  var MAX_FILE_ITEMS = 20000;

  // What makes a file's text too much to parse (as answers_file.problem in Python), in one pass
  // without parsing it, so a hostile file never reaches a parser: too_deep, number_too_long,
  // too_many_items, or null.
  function jsonProblem(source) {
    var level = 0, items = 0, number = 0, inString = false, escaped = false;
    for (var i = 0; i < source.length; i++) {
      var c = source.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;  // backslash
        else if (c === 34) inString = false;  // "
        continue;
      }
      // digits, + - . e E: a number's characters (outside strings only literals have e)
      if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 101 || c === 69) {
        if (++number > MAX_FILE_NUMBER) return "number_too_long";
        continue;
      }
      number = 0;
      if (c === 34) inString = true;
      else if (c === 91 || c === 123) {  // [ {
        if (++level > MAX_FILE_DEPTH) return "too_deep";
      } else if (c === 93 || c === 125) level--;  // ] }
      else if (c === 58 || c === 44) {  // : ,
        if (++items > MAX_FILE_ITEMS) return "too_many_items";
      }
    }
    return null;
  }

  // Read a file the user chose, within the limits; resolves {text} or {problem: a reason}. Only
  // UTF-8 is read (a byte-order mark is dropped): UTF-16 or broken bytes are refused, not shown
  // garbled.
  function readFile(file) {
    if (file.size > MAX_FILE_BYTES) return Promise.resolve({ problem: "too_big" });
    return file.arrayBuffer().then(function (buffer) {
      var text;
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
      } catch (error) {
        return { problem: "not_utf8" };
      }
      var problem = jsonProblem(text);
      return problem ? { problem: problem } : { text: text };
    }, function () { return { problem: "unreadable" }; });
  }

  window.TwFileCheck = { read: readFile };
})();
