/* Sinau Kelas: the participant's page. ES5 only (old Android browsers), no framework, no CDN.
 * Every text from the server is put on the page with textContent, never innerHTML.
 * Protocol: app/core/classroom/PROTOCOL.md. Live views come over a WebSocket; when WebSockets do not
 * work the page long-polls GET /api/state and answers with POST /api/answer. */
(function () {
  'use strict';
  var TOKEN_KEY = 'sinau.kelas.token';
  var token = null;
  var view = null;          // the latest view from the server
  var ws = null;
  var wsFailures = 0;
  var wsEverOpened = false;
  var polling = false;
  var pollVersion = 0;
  var pending = null;       // {question, choices, sentAt} while waiting for the ack
  var acked = {};           // question index -> true once stored
  var picks = [];           // multi: the toggled choices
  var deadline = 0;         // local clock ms when the open question closes
  var timerHandle = null;

  function $(id) { return document.getElementById(id); }
  function text(id, s) { $(id).textContent = s == null ? '' : String(s); }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  function storeGet() { try { return window.localStorage.getItem(TOKEN_KEY); } catch (e) { return null; } }
  function storeSet(v) { try { if (v) window.localStorage.setItem(TOKEN_KEY, v); else window.localStorage.removeItem(TOKEN_KEY); } catch (e) {} }

  function show(id) {
    var screens = ['join', 'lobby', 'question', 'paused', 'reveal', 'ended'];
    for (var i = 0; i < screens.length; i++) $(screens[i]).hidden = screens[i] !== id;
  }

  function setConn(ok, msg) {
    var el = $('conn');
    el.textContent = msg;
    el.className = ok ? 'conn' : 'conn off';
  }

  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    if (body != null) xhr.setRequestHeader('Content-Type', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.timeout = 35000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data);
    };
    xhr.send(body == null ? null : JSON.stringify(body));
  }

  function errorMessage(data, fallback) {
    return data && data.error && data.error.message ? data.error.message : fallback;
  }

  // ---------------------------------------------------------------- joining
  $('join-form').onsubmit = function (ev) {
    ev.preventDefault();
    var pin = $('pin').value.replace(/\s+/g, '');
    var name = $('name').value;
    var nip = $('nip').value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(pin)) { text('join-error', 'PIN harus 6 angka.'); return; }
    if (!name.replace(/\s+/g, '')) { text('join-error', 'Nama wajib diisi.'); return; }
    if (nip && !/^[0-9]{18}$/.test(nip)) { text('join-error', 'NIP harus 18 angka (atau kosongkan).'); return; }
    text('join-error', '');
    $('join-button').disabled = true;
    var body = { pin: pin, name: name };
    if (nip) body.nip = nip;
    token = null;
    request('POST', '/api/join', body, function (status, data) {
      $('join-button').disabled = false;
      if (status === 201 && data && data.token) {
        token = data.token;
        storeSet(token);
        acked = {};
        onView(data.view);
        connect();
      } else if (status === 0) {
        text('join-error', 'Tidak tersambung ke komputer pelatih. Periksa Wi-Fi.');
      } else {
        text('join-error', errorMessage(data, 'Gagal bergabung (' + status + ').'));
      }
    });
  };

  $('e-leave').onclick = function () { forget(); };

  function forget() {
    storeSet(null);
    token = null;
    view = null;
    if (ws) { try { ws.onclose = null; ws.close(); } catch (e) {} ws = null; }
    polling = false;
    text('me', '');
    show('join');
  }

  // ---------------------------------------------------------------- live connection
  function connect() {
    if (!token) return;
    if (!window.WebSocket || wsFailures >= 3 && !wsEverOpened) { startPolling(); return; }
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var sock;
    try { sock = new WebSocket(scheme + location.host + '/ws'); } catch (e) { wsFailures++; startPolling(); return; }
    ws = sock;
    sock.onopen = function () {
      wsEverOpened = true;
      wsFailures = 0;
      setConn(true, 'Tersambung');
      sock.send(JSON.stringify({ type: 'hello', token: token }));
      resendPending();
    };
    sock.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      onMessage(msg);
    };
    sock.onclose = function () {
      if (ws !== sock) return;
      ws = null;
      wsFailures++;
      setConn(false, 'Terputus. Menyambung lagi...');
      setTimeout(connect, Math.min(5000, 500 * wsFailures));
    };
  }

  function startPolling() {
    if (polling) return;
    polling = true;
    setConn(true, 'Tersambung (mode cadangan)');
    poll();
  }

  function poll() {
    if (!polling || !token) return;
    request('GET', '/api/state?since=' + pollVersion, null, function (status, data) {
      if (!polling) return;
      if (status === 200 && data) {
        setConn(true, 'Tersambung (mode cadangan)');
        onMessage(data);
        setTimeout(poll, 50);
      } else if (status === 401) {
        forget();
        text('join-error', errorMessage(data, 'Sesi Anda tidak dikenal. Silakan bergabung lagi.'));
      } else {
        setConn(false, 'Terputus. Menyambung lagi...');
        setTimeout(poll, status === 429 ? 3000 : 1500);
      }
    });
  }

  function onMessage(msg) {
    if (msg.type === 'view') onView(msg);
    else if (msg.type === 'ack') onAck(msg);
    else if (msg.type === 'error') onError(msg);
  }

  function onError(msg) {
    if (msg.code === 'unknown_token') {
      forget();
      text('join-error', msg.message);
      return;
    }
    if (msg.question != null && pending && pending.question === msg.question) {
      if (msg.code === 'already_answered') { onAck({ question: msg.question }); return; }
      pending = null;
      text('q-status', msg.message);
      enableChoices(true);
    }
  }

  // ---------------------------------------------------------------- answering
  function send(question, choices) {
    pending = { question: question, choices: choices, sentAt: Date.now() };
    text('q-status', 'Mengirim jawaban...');
    enableChoices(false);
    transmit();
  }

  function transmit() {
    if (!pending) return;
    var p = pending;
    if (ws && ws.readyState === 1) {
      ws.send(JSON.stringify({ type: 'answer', question: p.question, choices: p.choices }));
      setTimeout(function () { if (pending === p) transmit(); }, 5000);  // no ack yet: send again
    } else if (polling) {
      request('POST', '/api/answer', { question: p.question, choices: p.choices }, function (status, data) {
        if (status === 200) onAck(data);
        else if (data && data.error) onError({ code: data.error.code, message: data.error.message, question: p.question });
        else setTimeout(function () { if (pending === p) transmit(); }, 2000);
      });
    }
  }

  function resendPending() { if (pending) transmit(); }

  function onAck(msg) {
    acked[msg.question] = true;
    if (pending && pending.question === msg.question) pending = null;
    if (view && view.question && view.question.index === msg.question) text('q-status', 'Jawaban tersimpan. Tunggu hasilnya.');
  }

  function enableChoices(on) {
    var buttons = $('q-choices').getElementsByTagName('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = !on;
    $('q-send').disabled = !on;
  }

  // ---------------------------------------------------------------- drawing
  function onView(v) {
    if (!v) return;
    var fresh = !view || view.version !== v.version || view.phase !== v.phase;
    view = v;
    pollVersion = v.version;
    if (v.you) text('me', v.you.name + ' · ' + v.you.score + ' poin');
    if (v.phase === 'lobby') { text('lobby-title', v.title); show('lobby'); }
    else if (v.phase === 'question') drawQuestion(v, fresh);
    else if (v.phase === 'paused') show('paused');
    else if (v.phase === 'reveal') drawReveal(v);
    else if (v.phase === 'ended') drawEnded(v);
  }

  function drawQuestion(v, fresh) {
    var q = v.question;
    deadline = Date.now() + v.remaining_ms;
    tick();
    if (!timerHandle) timerHandle = setInterval(tick, 250);
    if (!fresh && $('question').hidden === false) return;
    show('question');
    picks = [];
    text('q-number', 'Soal ' + (q.index + 1) + ' dari ' + v.total);
    text('q-text', q.text);
    text('q-hint', q.kind === 'multi' ? 'Pilih semua jawaban yang benar, lalu tekan Kirim.' : 'Ketuk satu jawaban.');
    var box = $('q-choices');
    clear(box);
    var answered = v.you && v.you.answered;
    for (var i = 0; i < q.choices.length; i++) box.appendChild(choiceButton(q, i, answered, v.you));
    $('q-send').hidden = q.kind !== 'multi' || answered;
    $('q-send').disabled = false;
    $('q-send').onclick = function () {
      if (!picks.length) { text('q-status', 'Pilih paling sedikit satu jawaban.'); return; }
      send(q.index, picks.slice().sort());
    };
    if (answered || acked[q.index]) { text('q-status', 'Jawaban tersimpan. Tunggu hasilnya.'); enableChoices(false); }
    else if (pending && pending.question === q.index) { text('q-status', 'Mengirim jawaban...'); enableChoices(false); }
    else text('q-status', '');
  }

  function choiceButton(q, i, answered, you) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'c' + (i % 6);
    b.textContent = String.fromCharCode(65 + i) + '. ' + q.choices[i];
    if (answered && you.choices && you.choices.indexOf(i) >= 0) b.className += ' picked';
    b.onclick = function () {
      if (q.kind === 'multi') {
        var at = picks.indexOf(i);
        if (at >= 0) { picks.splice(at, 1); b.className = b.className.replace(' picked', ''); }
        else { picks.push(i); b.className += ' picked'; }
        return;
      }
      b.className += ' picked';
      send(q.index, [i]);
    };
    b.disabled = !!answered;
    return b;
  }

  function tick() {
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    text('q-timer', view && view.phase === 'question' ? left : '');
  }

  function stopTimer() { if (timerHandle) { clearInterval(timerHandle); timerHandle = null; } }

  function drawBoard(id, list) {
    var el = $(id);
    clear(el);
    for (var i = 0; list && i < list.length; i++) {
      var li = document.createElement('li');
      li.textContent = list[i].rank + '. ' + list[i].name + ' — ' + list[i].score + ' poin';
      el.appendChild(li);
    }
  }

  function drawReveal(v) {
    stopTimer();
    pending = null;
    show('reveal');
    var you = v.you || {};
    var verdict = $('r-verdict');
    if (!you.answered) { verdict.textContent = 'Tidak menjawab'; verdict.className = 'verdict none'; }
    else if (you.correct) { verdict.textContent = 'Benar! +' + you.points; verdict.className = 'verdict right'; }
    else { verdict.textContent = 'Belum tepat'; verdict.className = 'verdict wrong'; }
    var q = v.question, r = v.reveal || {};
    text('r-number', 'Soal ' + (q.index + 1) + ' dari ' + v.total + ' · ' + (r.answered || 0) + ' menjawab');
    text('r-text', q.text);
    var list = $('r-choices');
    clear(list);
    for (var i = 0; i < q.choices.length; i++) {
      var li = document.createElement('li');
      var right = r.correct && r.correct.indexOf(i) >= 0;
      li.className = right ? 'correct' : '';
      li.textContent = (right ? '✔ ' : '') + String.fromCharCode(65 + i) + '. ' + q.choices[i] +
        ' (' + (r.counts ? r.counts[i] : 0) + ')';
      list.appendChild(li);
    }
    text('r-feedback', r.feedback || '');
    text('r-basis', r.basis && r.basis.length ? 'Dasar: ' + r.basis.join(', ') : '');
    text('r-you', 'Skor Anda: ' + you.score + ' poin · peringkat ' + you.rank);
    drawBoard('r-board', v.leaderboard);
  }

  function drawEnded(v) {
    stopTimer();
    pending = null;
    show('ended');
    drawBoard('e-podium', v.leaderboard);
    var you = v.you || {};
    text('e-you', 'Skor Anda: ' + you.score + ' poin (' + you.correct_count + ' benar) · peringkat ' + you.rank);
    var s = v.summary || {};
    text('e-summary', s.participants + ' peserta, ' + s.asked + ' soal, rata-rata benar ' + s.average_correct_percent + '%.');
  }

  // ---------------------------------------------------------------- start: rejoin with the stored token
  token = storeGet();
  if (token && /^[0-9a-f]{32}$/.test(token)) {
    setConn(true, 'Menyambung lagi...');
    show('lobby');
    text('lobby-title', 'Menyambung lagi...');
    connect();
  } else {
    storeSet(null);
    token = null;
    show('join');
  }
})();
