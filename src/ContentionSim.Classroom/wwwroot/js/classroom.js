// Small helpers the classroom page calls: downloads and figure export. Nothing here talks to the network
// except postAndDownload, which posts to the contentionsim serve that served the page.
window.classroom = {
  save: function (name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  download: function (name, mime, text) {
    classroom.save(name, new Blob([text], { type: mime + ';charset=utf-8' }));
  },
  // The page's figures stacked into one SVG (or PNG), as they are on screen.
  combined: function (ids) {
    const parts = ids.map(id => document.getElementById(id)).filter(e => e);
    let y = 0, width = 0, body = '';
    for (const svg of parts) {
      const vb = svg.viewBox.baseVal;
      body += '<g transform="translate(0,' + y + ')">' + svg.innerHTML + '</g>';
      y += vb.height + 10; width = Math.max(width, vb.width);
    }
    return { width: width, height: y, text: '<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + y + '" viewBox="0 0 ' + width + ' ' + y + '" font-family="sans-serif">' + body + '</svg>' };
  },
  exportFigures: function (ids, name, kind) {
    const c = classroom.combined(ids);
    if (kind === 'svg') { classroom.download(name + '.svg', 'image/svg+xml', c.text); return; }
    const img = new Image();
    const url = URL.createObjectURL(new Blob([c.text], { type: 'image/svg+xml' }));
    img.onload = function () {
      const scale = 2, canvas = document.createElement('canvas');
      canvas.width = c.width * scale; canvas.height = c.height * scale;
      const g = canvas.getContext('2d');
      g.fillStyle = 'white'; g.fillRect(0, 0, canvas.width, canvas.height);
      g.scale(scale, scale); g.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob(b => classroom.save(name + '.png', b), 'image/png');
    };
    img.src = url;
  },
  postAndDownload: async function (url, text, name) {
    try {
      const r = await fetch(url, { method: 'POST', body: text, headers: { 'Content-Type': 'application/x-yaml' } });
      if (!r.ok) return 'The run folder could not be made: ' + (await r.text());
      classroom.save(name, await r.blob());
      return null;
    } catch (e) { return 'The run folder could not be made: ' + e; }
  }
};
