/**
 * What drawn artifacts say: their kind for screen readers, and the zoom. Loaded with the artifact
 * renderer (when the first drawn document appears), so the play page's initial load stays small;
 * importing this module adds them to what `t()` finds.
 */
import { addMessages } from './format';

const zh = {
	artifact_warrant: '文书图片',
	artifact_notice: '通知书',
	artifact_letter: '函件',
	artifact_contract: '合同页',
	artifact_certificate: '存单 / 凭证',
	'artifact_id-card': '证件',
	'artifact_bank-card': '银行卡',
	artifact_receipt: '收据 / 票据',
	artifact_form: '单据',
	'artifact_handwritten-note': '手写纸条',
	artifact_flyer: '宣传单',
	artifact_screenshot: '手机截图',
	'artifact_web-page': '网页',
	'artifact_video-call': '视频通话画面',
	artifact_photo: '照片',
	artifactZoom: '放大查看：{what}',
	artifactZoomShort: '放大',
	artifactClose: '关闭',
	artifactHint: '点击文书上可疑的地方即可标记'
} as const;

export type ArtifactKey = keyof typeof zh;

const en: Record<ArtifactKey, string> = {
	artifact_warrant: 'Document image',
	artifact_notice: 'Notice',
	artifact_letter: 'Letter',
	artifact_contract: 'Contract page',
	artifact_certificate: 'Certificate',
	'artifact_id-card': 'Identity document',
	'artifact_bank-card': 'Bank card',
	artifact_receipt: 'Receipt',
	artifact_form: 'Form',
	'artifact_handwritten-note': 'Handwritten note',
	artifact_flyer: 'Leaflet',
	artifact_screenshot: 'Phone screenshot',
	'artifact_web-page': 'Web page',
	'artifact_video-call': 'Video call',
	artifact_photo: 'Photo',
	artifactZoom: 'Zoom in: {what}',
	artifactZoomShort: 'Zoom',
	artifactClose: 'Close',
	artifactHint: 'Click anything on the document that looks wrong to mark it'
};

addMessages({ zh, en });
